import { useSession } from '../../../../session/SessionProvider';
import type { CliTarget } from '../../cli/cli-command';

/** Region and endpoint of the signed-in session, for `--region` and `--endpoint-url`. */
export function useCliTarget(): CliTarget {
  const { region, endpoint } = useSession().manager.source;
  return { region, endpoint };
}

import type { KMSClient } from '@aws-sdk/client-kms';

/*
 * Whether one session's endpoint honours DryRun. AWS KMS and the sandbox do; emulators such as
 * moto and older LocalStack ignore the parameter and perform the request. A request that would
 * change something (CreateGrant…) is only sent as a check where DryRun is known to be honoured:
 * known from the endpoint itself (AWS, the sandbox), or learnt from a harmless dry run's answer.
 */

export type DryRunSupport = 'honoured' | 'ignored' | 'unknown';

export interface DryRunKnowledge {
  support: DryRunSupport;
  /** How it is known, or why it is not, in one sentence. */
  basis: string;
}

export class DryRunSupportTracker {
  private knowledge: DryRunKnowledge;
  /** Harmless probes already made, by key: one per key and session is enough. */
  readonly probes = new Map<string, Promise<DryRunKnowledge>>();

  constructor(initial?: DryRunKnowledge) {
    this.knowledge = initial ?? {
      support: 'unknown',
      basis: 'No dry run has been answered by this endpoint yet.',
    };
  }

  get current(): DryRunKnowledge {
    return this.knowledge;
  }

  /** A dry run was answered DryRunOperationException: the endpoint honours DryRun. */
  sawDryRunAnswer(operation: string): void {
    if (this.knowledge.support === 'honoured') return;
    this.knowledge = {
      support: 'honoured',
      basis: `It answered a dry run of ${operation} with DryRunOperationException.`,
    };
  }

  /** A request sent with DryRun was performed: the endpoint ignores DryRun. */
  sawPerformed(operation: string): void {
    this.knowledge = {
      support: 'ignored',
      basis: `It performed ${operation} although the request set DryRun.`,
    };
  }
}

const trackers = new WeakMap<KMSClient, DryRunSupportTracker>();

/** The tracker of a session's KMS client (one per client, so per endpoint and session). */
export function dryRunSupportOf(kms: KMSClient): DryRunSupportTracker {
  let tracker = trackers.get(kms);
  if (tracker === undefined) {
    tracker = new DryRunSupportTracker();
    trackers.set(kms, tracker);
  }
  return tracker;
}

/** For endpoints whose DryRun support is known without asking (AWS, the sandbox). */
export function declareDryRunSupport(kms: KMSClient, knowledge: DryRunKnowledge): void {
  trackers.set(kms, new DryRunSupportTracker(knowledge));
}

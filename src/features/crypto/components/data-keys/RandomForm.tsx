import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { ByteOutput } from '../../../../bytes/ByteOutput';
import { useKmsOperation } from '../../api/use-kms-operation';
import { buildCliCommand } from '../../cli/cli-command';
import { parseByteCount } from '../../model/byte-count';
import { NumberOfBytesField } from './NumberOfBytesField';
import { OperationError } from '../shared/OperationError';
import { OperationForm } from '../shared/OperationForm';
import { ResultRegion } from '../shared/Result';
import { useCliTarget } from '../shared/use-cli-target';

/** GenerateRandom: 1 to 1,024 random bytes; needs no key. */
export function RandomForm() {
  const target = useCliTarget();
  const [numberOfBytes, setNumberOfBytes] = useState('32');
  const [showErrors, setShowErrors] = useState(false);
  const random = useKmsOperation('GenerateRandom');
  const count = parseByteCount(numberOfBytes, 1024);
  const input = count.value !== undefined ? { NumberOfBytes: count.value } : undefined;
  const result = random.state.data;

  return (
    <SpaceBetween size="l">
      <OperationForm
        heading="Random bytes"
        description="Cryptographically secure random bytes from KMS (GenerateRandom), for example for a nonce or a salt."
        submitLabel="Generate random"
        busy={random.state.status === 'pending'}
        onSubmit={() => {
          setShowErrors(true);
          if (input) void random.run(input);
        }}
        cli={() => input && buildCliCommand('GenerateRandom', input, target)}
        onInvalid={() => setShowErrors(true)}
      >
        <NumberOfBytesField
          value={numberOfBytes}
          onChange={setNumberOfBytes}
          errorText={showErrors || numberOfBytes !== '' ? count.error : undefined}
        />
      </OperationForm>
      {random.state.status === 'error' ? (
        <OperationError error={random.state.error} operation="GenerateRandom" />
      ) : null}
      {result?.Plaintext ? (
        <ResultRegion requestId={result.requestId}>
          <ByteOutput
            name="Plaintext"
            bytes={result.Plaintext}
            fileName="random.bin"
            defaultFormat="hex"
          />
        </ResultRegion>
      ) : null}
    </SpaceBetween>
  );
}

import { CreateCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { createStsService } from '../sandbox/identity/sts-service';
import { EXCEPTION_TYPES } from '../sandbox/protocol/errors';
import { failure, startTestSandbox } from '../sandbox/conformance/harness';
import { describeError, ERROR_CATALOGUE } from '../src/kms/errors';

/** What the SDKs throw: the exception name as `name`, AWS's message, the HTTP metadata. */
const sdkError = (name: string) =>
  Object.assign(new Error('message'), { name, $metadata: { httpStatusCode: 400 } });

const UNKNOWN_TITLE = describeError(sdkError('NoSuchExceptionAnywhere')).title;

describe('the console explains every error the sandbox answers', () => {
  it('has a catalogue entry for every exception name of the JSON services', () => {
    const unexplained = EXCEPTION_TYPES.filter((type) => !Object.hasOwn(ERROR_CATALOGUE, type));
    expect(unexplained).toEqual([]);
  });

  it("has a catalogue entry for every code STS's query protocol answers", () => {
    const sts = createStsService();
    const codes = EXCEPTION_TYPES.map(
      (type) => sts.renderError({ type, message: 'message', status: 400 }, 'request-id').code,
    );
    expect(codes.filter((code) => !Object.hasOwn(ERROR_CATALOGUE, code))).toEqual([]);
  });

  it('names an operation the endpoint does not implement as such', async () => {
    const sandbox = await startTestSandbox();
    try {
      const error = await failure(
        sandbox.kms().send(new CreateCustomKeyStoreCommand({ CustomKeyStoreName: 'hsm' })),
      );
      const described = describeError(error);
      expect(error.name).toBe('UnknownOperationException');
      expect(described.title).not.toBe(UNKNOWN_TITLE);
      expect(described.title).toBe('This endpoint does not implement the operation');
    } finally {
      await sandbox.close();
    }
  });
});

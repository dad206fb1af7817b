import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { ByteInputValue } from '../src/bytes/byte-input-model';
import { evaluateByteInput } from '../src/bytes/byte-input-model';
import { ByteInput } from '../src/bytes/ByteInput';
import { ByteOutput } from '../src/bytes/ByteOutput';
import { encodeBytes, isValidUtf8 } from '../src/bytes/codecs';
import { evaluateContext } from '../src/bytes/encryption-context';
import { useByteField } from '../src/bytes/use-byte-field';
import { buildCliCommand } from '../src/features/crypto/cli/cli-command';
import { ResultField, ResultRegion } from '../src/features/crypto/components/shared/Result';

/*
 * Runs in Chromium (bench/console-crypto.ts builds it with Vite and loads it into a page): the
 * console's own codecs and components, browser builds, timed with performance.now().
 */

const PAYLOAD = 4096;
const LIMIT = { max: PAYLOAD, min: 1, subject: 'Encrypt takes' };
const CONTEXT_ROWS = [
  { key: 'department', value: 'finance' },
  { key: 'team', value: 'payments' },
];
const TARGET = { region: 'us-east-1', endpoint: 'http://127.0.0.1:4566' };

function payload(): { text: string; bytes: Uint8Array; ciphertext: Uint8Array } {
  // Printable ASCII (so the Text format is valid UTF-8), and a 61-byte-longer "ciphertext".
  const bytes = Uint8Array.from({ length: PAYLOAD }, (_, i) => 32 + ((i * 7) % 95));
  const ciphertext = crypto.getRandomValues(new Uint8Array(PAYLOAD + 61));
  return { text: new TextDecoder().decode(bytes), bytes, ciphertext };
}

function InputHarness({ initial }: { initial: ByteInputValue }) {
  const field = useByteField(LIMIT, { initial });
  return <ByteInput label="Plaintext" field={field} />;
}

/** Decrypt's result: Plaintext shown as text when it is valid UTF-8 (so the check runs). */
function PlaintextResultHarness({ bytes }: { bytes: Uint8Array }) {
  return (
    <ResultRegion description="Request ID 00000000-0000-0000-0000-000000000000">
      <ByteOutput
        name="Plaintext"
        bytes={bytes}
        fileName="plaintext.bin"
        description="Shown as text when it is valid UTF-8, otherwise as base64."
      />
      <ResultField name="KeyId">
        arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
      </ResultField>
      <ResultField name="EncryptionAlgorithm">SYMMETRIC_DEFAULT</ResultField>
    </ResultRegion>
  );
}

function ResultHarness({ bytes }: { bytes: Uint8Array }) {
  return (
    <ResultRegion description="Request ID 00000000-0000-0000-0000-000000000000">
      <ByteOutput
        name="CiphertextBlob"
        bytes={bytes}
        fileName="ciphertext.bin"
        defaultFormat="base64"
      />
      <ResultField name="KeyId">
        arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
      </ResultField>
      <ResultField name="EncryptionAlgorithm">SYMMETRIC_DEFAULT</ResultField>
    </ResultRegion>
  );
}

/** A step does the timed work and may return untimed clean-up (unmounting what it rendered). */
type Step = () => void | (() => void);

export interface StepResult {
  /** Wall-clock milliseconds of each timed run. */
  samples: number[];
}

let steps: Record<string, Step> | undefined;

function buildSteps(): Record<string, Step> {
  const { text, bytes, ciphertext } = payload();
  const base64 = encodeBytes(bytes, 'base64');
  const hex = encodeBytes(bytes, 'hex');
  const host = document.getElementById('root')!;

  const mount = (element: React.ReactElement): (() => void) => {
    const root = createRoot(host);
    flushSync(() => root.render(element));
    // Force style and layout, so "render" includes what the browser does before painting.
    void host.offsetHeight;
    return () => root.unmount();
  };

  let updater:
    { root: ReturnType<typeof createRoot>; results: Uint8Array[]; next: number } | undefined;
  // A mounted result whose output format the last step switches back and forth.
  let switcher: { hex: HTMLButtonElement; base64: HTMLButtonElement; flip: boolean } | undefined;

  return {
    'encode: Text input → bytes, context, request, CLI command': () => {
      const evaluation = evaluateByteInput({ format: 'text', text }, LIMIT);
      const context = evaluateContext(CONTEXT_ROWS).context;
      buildCliCommand(
        'Encrypt',
        { KeyId: 'alias/demo-app', Plaintext: evaluation.bytes, EncryptionContext: context },
        TARGET,
      );
    },
    'encode: Base64 input (5,464 chars) → bytes': () => {
      evaluateByteInput({ format: 'base64', text: base64 }, LIMIT);
    },
    'encode: Hex input (8,192 chars) → bytes': () => {
      evaluateByteInput({ format: 'hex', text: hex }, LIMIT);
    },
    'decode: CiphertextBlob (4,157 B) → base64 and hex': () => {
      encodeBytes(ciphertext, 'base64');
      encodeBytes(ciphertext, 'hex');
    },
    'decode: Plaintext (4 KB) → UTF-8 check and text': () => {
      if (isValidUtf8(bytes)) encodeBytes(bytes, 'text');
    },
    'render: Result region with a 4 KB CiphertextBlob (mount + layout)': () =>
      mount(<ResultHarness bytes={ciphertext} />),
    'render: Result region with a 4 KB Plaintext as text (mount + layout)': () =>
      mount(<PlaintextResultHarness bytes={bytes} />),
    'render: Plaintext field with 4 KB of base64 pasted (mount + layout)': () =>
      mount(<InputHarness initial={{ format: 'base64', text: base64 }} />),
    // The forms keep the Result region mounted across operations: the next result is an update.
    'render: next 4 KB result into the mounted Result region (update + layout)': () => {
      if (!updater) {
        const root = createRoot(host);
        const other = crypto.getRandomValues(new Uint8Array(ciphertext.length));
        updater = { root, results: [ciphertext, other], next: 0 };
      }
      const { root, results } = updater;
      const next = results[(updater.next = 1 - updater.next)];
      flushSync(() => root.render(<ResultHarness bytes={next} />));
      void host.offsetHeight;
    },
    'render: switch the 4 KB output between Base64 and Hex': () => {
      if (!switcher) {
        updater?.root.unmount();
        mount(<ResultHarness bytes={ciphertext} />);
        const buttons = Array.from(host.querySelectorAll('[role="toolbar"] button'));
        const find = (name: string) =>
          buttons.find((b) => b.textContent === name) as HTMLButtonElement;
        switcher = { hex: find('Hex'), base64: find('Base64'), flip: false };
      }
      switcher.flip = !switcher.flip;
      const button = switcher.flip ? switcher.hex : switcher.base64;
      // React commits a click's update in a microtask; flushSync commits it before timing stops.
      flushSync(() => button.click());
      void host.offsetHeight;
      const shown = host.querySelector('pre[role="textbox"]')?.getAttribute('aria-label');
      if (shown !== `CiphertextBlob (${switcher.flip ? 'Hex' : 'Base64'})`) {
        throw new Error(`the format switch did not re-render (shows ${shown})`);
      }
    },
  };
}

export function stepNames(): string[] {
  steps ??= buildSteps();
  return Object.keys(steps);
}

/** Runs one step `rounds` times (after untimed warm-up runs when `warmup` is set). */
export function runStep(name: string, rounds: number, warmup = 0): StepResult {
  steps ??= buildSteps();
  const step = steps[name];
  for (let i = 0; i < warmup; i++) step()?.();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    const cleanup = step();
    samples.push(performance.now() - t0);
    cleanup?.();
  }
  return { samples };
}

import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import {
  encodeBytes,
  formatByteCount,
  isValidUtf8,
  TEXT_FORMAT_LABELS,
  type TextFormat,
} from './codecs';
import { downloadBytes } from './download';
import { FormatSwitch } from './FormatSwitch';

const FORMAT_OPTIONS = (['text', 'base64', 'hex'] as const).map((id) => ({
  id,
  text: TEXT_FORMAT_LABELS[id],
}));

/** How long "copied" stays next to the Copy button. */
const COPIED_MS = 3000;

export interface ByteOutputProps {
  /** The response field's AWS name (`CiphertextBlob`, `Plaintext`…): the group's accessible name. */
  name: string;
  bytes: Uint8Array;
  /** Name of the downloaded file, e.g. `ciphertext.bin`. */
  fileName: string;
  /** Defaults to text when the bytes are valid UTF-8, else base64. */
  defaultFormat?: TextFormat;
  /** Plaintext data keys: masked until the user reveals them. */
  sensitive?: boolean;
  description?: ReactNode;
}

// Cloudscape's spacing scale (xxs 4px, xs 8px), as SpaceBetween lays it out, without a component
// per stack: this field is mounted for every result (bench/console-crypto.ts).
const STACK_STYLE = { display: 'flex', flexDirection: 'column', gap: 4 } as const;
const TOOLBAR_STYLE = { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 } as const;

const VALUE_STYLE = {
  margin: 0,
  padding: '4px 8px',
  maxHeight: '10em',
  overflowY: 'auto',
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-all',
  fontFamily: 'Monaco, Menlo, Consolas, "Courier Prime", Courier, "Courier New", monospace',
  fontSize: 12,
  lineHeight: '16px',
  border: '1px solid #8c8c94',
  borderRadius: 8,
} as const;

/** What the user chose for one value of `bytes`; a new value (the next result) starts over. */
interface Choice {
  bytes: Uint8Array;
  format?: TextFormat;
  revealed?: boolean;
  /** The outcome of the last copy, shown until the shown text changes or a few seconds pass. */
  copied?: { text: string; ok: boolean };
}

/**
 * A binary response field: shown as text, base64 or hex, copied in that form, or downloaded as
 * the raw bytes (what `fileb://` reads).
 */
export function ByteOutput({
  name,
  bytes,
  fileName,
  defaultFormat,
  sensitive = false,
  description,
}: ByteOutputProps) {
  const id = useId();
  // Choices are derived, not reset in an effect: new bytes render once, in the default format and
  // masked again.
  const [stored, setStored] = useState<Choice>({ bytes });
  const choice: Choice = stored.bytes === bytes ? stored : { bytes };
  const choose = (change: Omit<Partial<Choice>, 'bytes'>) =>
    setStored((previous) => ({ ...(previous.bytes === bytes ? previous : { bytes }), ...change }));

  // The UTF-8 check (native, TextDecoder with fatal: true) runs only when its answer is used: to
  // pick the default format, or to warn that the text shows replacement characters.
  const needsUtf8 = defaultFormat === undefined || choice.format === 'text';
  const utf8 = useMemo(() => (needsUtf8 ? isValidUtf8(bytes) : undefined), [bytes, needsUtf8]);
  const format = choice.format ?? defaultFormat ?? (utf8 ? 'text' : 'base64');
  const formatLabel = TEXT_FORMAT_LABELS[format];
  const masked = sensitive && !(choice.revealed ?? false);
  // Only the shown format is encoded; a masked value is encoded when copied.
  const text = useMemo(
    () => (masked ? undefined : encodeBytes(bytes, format)),
    [bytes, format, masked],
  );
  const copied = choice.copied && choice.copied.text === text ? choice.copied : undefined;

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(
      () => setStored((previous) => ({ ...previous, copied: undefined })),
      COPIED_MS,
    );
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = () => {
    const value = text ?? encodeBytes(bytes, format);
    // Through a promise, so a browser without the Clipboard API (insecure origin) reports failure.
    Promise.resolve(value)
      .then((copying) => navigator.clipboard.writeText(copying))
      .then(
        () => choose({ copied: { text: value, ok: true } }),
        () => choose({ copied: { text: value, ok: false } }),
      );
  };

  return (
    <div role="group" aria-labelledby={`${id}-name`}>
      <div style={STACK_STYLE}>
        <Box variant="awsui-key-label">
          <span id={`${id}-name`}>{name}</span>{' '}
          <Box variant="span" color="text-body-secondary" fontSize="body-s">
            ({formatByteCount(bytes.length)})
          </Box>
        </Box>
        {description ? <Box variant="small">{description}</Box> : null}
        <div style={TOOLBAR_STYLE}>
          <FormatSwitch<TextFormat>
            label="Output format"
            value={format}
            options={FORMAT_OPTIONS}
            onChange={(next) => choose({ format: next })}
          />
          {sensitive ? (
            <Button
              onClick={() => choose({ revealed: masked })}
              iconName={masked ? 'lock-private' : 'unlocked'}
            >
              {masked ? `Show ${name}` : `Hide ${name}`}
            </Button>
          ) : null}
          <Button iconName="copy" ariaLabel={`Copy ${name} as ${formatLabel}`} onClick={copy}>
            Copy
          </Button>
          <Button
            iconName="download"
            ariaLabel={`Download ${name} as ${fileName}`}
            onClick={() => downloadBytes(bytes, fileName)}
          >
            Download
          </Button>
          {/* Always present, so screen readers announce the outcome when it appears. */}
          <span role="status">
            {copied ? (
              <StatusIndicator type={copied.ok ? 'success' : 'error'}>
                {copied.ok ? `${name} copied as ${formatLabel}` : `${name} could not be copied`}
              </StatusIndicator>
            ) : null}
          </span>
        </div>
        {format === 'text' && utf8 === false ? (
          <Box variant="small" color="text-status-warning">
            These bytes are not valid UTF-8: the text shows replacement characters. Copy or download
            them as base64 or hex to keep every byte.
          </Box>
        ) : null}
        {masked ? (
          <Box color="text-body-secondary" variant="code">
            <span aria-label={`${name} is hidden`}>{'•'.repeat(24)}</span>
          </Box>
        ) : (
          // A read-only text box: selectable and announced like one, and cheaper to render than a
          // <textarea> holding 8 KB of hex (bench/console-crypto.ts).
          <pre
            role="textbox"
            aria-readonly="true"
            aria-multiline="true"
            aria-label={`${name} (${formatLabel})`}
            tabIndex={0}
            style={VALUE_STYLE}
          >
            {text}
          </pre>
        )}
      </div>
    </div>
  );
}

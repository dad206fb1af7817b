import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useId, useMemo, useState, type ReactNode } from 'react';
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
  const utf8 = useMemo(() => isValidUtf8(bytes), [bytes]);
  const initialFormat = defaultFormat ?? (utf8 ? 'text' : 'base64');
  const [format, setFormat] = useState<TextFormat>(initialFormat);
  const [revealed, setRevealed] = useState(!sensitive);
  // New bytes (the next result) start over in the default format and masked again: adjusting
  // state while rendering keeps the field mounted, so a new result costs an update, not a mount.
  const [shown, setShown] = useState(bytes);
  if (shown !== bytes) {
    setShown(bytes);
    setFormat(initialFormat);
    setRevealed(!sensitive);
  }
  const text = useMemo(() => encodeBytes(bytes, format), [bytes, format]);
  const masked = sensitive && !revealed;

  return (
    <div role="group" aria-labelledby={`${id}-name`}>
      <SpaceBetween size="xxs">
        <Box variant="awsui-key-label">
          <span id={`${id}-name`}>{name}</span>{' '}
          <Box variant="span" color="text-body-secondary" fontSize="body-s">
            ({formatByteCount(bytes.length)})
          </Box>
        </Box>
        {description ? <Box variant="small">{description}</Box> : null}
        <SpaceBetween direction="horizontal" size="xs" alignItems="center">
          <FormatSwitch<TextFormat>
            label="Output format"
            value={format}
            options={FORMAT_OPTIONS}
            onChange={setFormat}
          />
          {sensitive ? (
            <Button
              onClick={() => setRevealed((r) => !r)}
              iconName={masked ? 'lock-private' : 'unlocked'}
            >
              {masked ? `Show ${name}` : `Hide ${name}`}
            </Button>
          ) : null}
          <CopyToClipboard
            variant="button"
            textToCopy={text}
            copyButtonText="Copy"
            copyButtonAriaLabel={`Copy ${name} as ${TEXT_FORMAT_LABELS[format]}`}
            copySuccessText={`${name} copied as ${TEXT_FORMAT_LABELS[format]}`}
            copyErrorText={`${name} could not be copied`}
          />
          <Button
            iconName="download"
            ariaLabel={`Download ${name} as ${fileName}`}
            onClick={() => downloadBytes(bytes, fileName)}
          >
            Download
          </Button>
        </SpaceBetween>
        {format === 'text' && !utf8 ? (
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
            aria-label={`${name} (${TEXT_FORMAT_LABELS[format]})`}
            tabIndex={0}
            style={VALUE_STYLE}
          >
            {text}
          </pre>
        )}
      </SpaceBetween>
    </div>
  );
}

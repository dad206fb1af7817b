import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { formatByteCount } from './codecs';
import { conversionOffer, INPUT_FORMAT_LABELS, looksEncoded } from './byte-input-model';
import type { ByteField } from './use-byte-field';

/**
 * What the last paste or change of format did to a byte field, said in words (the same text read
 * in another format, or its bytes converted), and the offers that go with it: convert instead of
 * reinterpreting, or read text that looks like base64 or hex in that format.
 */
export function ByteInputNotes({ field }: { field: ByteField }) {
  const { value, evaluation } = field;
  const note = value.note;
  const format = INPUT_FORMAT_LABELS[value.format];
  const size = evaluation.bytes ? ` (${formatByteCount(evaluation.bytes.length)})` : '';

  const encoded =
    !field.binary && value.format === 'text' && note?.kind !== 'kept-as-text'
      ? looksEncoded(value.text)
      : undefined;
  if (encoded) {
    const label = INPUT_FORMAT_LABELS[encoded];
    return (
      <Alert
        type="info"
        header={`This looks like ${encoded} — read it as ${label}?`}
        action={
          <SpaceBetween direction="horizontal" size="xs">
            <Button onClick={() => field.setFormat(encoded)}>{`Read as ${label}`}</Button>
            <Button onClick={field.keepAsText}>Keep as text</Button>
          </SpaceBetween>
        }
      >
        {`As Text (UTF-8), each character is sent as its own bytes. Read as ${label}, the text is decoded to the bytes it encodes.`}
      </Alert>
    );
  }

  if (note?.kind === 'recognised') {
    return (
      <Box variant="small" aria-live="polite">
        {`Recognised as ${format} when pasted: the text is read as ${format}${size}.`}
      </Box>
    );
  }
  if (note?.kind === 'converted') {
    return (
      <Box variant="small" aria-live="polite">
        {`Converted: the ${formatByteCount(note.size)} read as ${INPUT_FORMAT_LABELS[note.from]} are now written in ${format}.`}
      </Box>
    );
  }
  if (note?.kind === 'reinterpreted' && value.text !== '') {
    const offer = conversionOffer(value);
    return (
      <Box variant="small" aria-live="polite">
        {`The same text is now read as ${format}${size}; nothing was converted.`}
        {offer ? (
          <>
            {' '}
            <Button variant="inline-link" onClick={field.convert}>
              {`Convert the ${formatByteCount(offer.size)} read as ${INPUT_FORMAT_LABELS[offer.from]} to ${format} instead`}
            </Button>
          </>
        ) : null}
      </Box>
    );
  }
  return null;
}

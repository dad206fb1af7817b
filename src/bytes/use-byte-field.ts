import { useCallback, useMemo, useState } from 'react';
import {
  convertToFormat,
  EMPTY_BINARY_INPUT,
  EMPTY_BYTE_INPUT,
  enterText,
  evaluateByteInput,
  switchInputFormat,
  type ByteInputEvaluation,
  type ByteInputValue,
  type ByteLimit,
  type InputFormat,
} from './byte-input-model';

export interface ByteField {
  value: ByteInputValue;
  limit: ByteLimit;
  evaluation: ByteInputEvaluation;
  /**
   * Bytes that are never text (ciphertext, signature, MAC): the field opens in Base64 and
   * recognises base64 or hex when they are pasted. Otherwise (plaintext, messages) it opens in
   * Text and offers to read text that looks like base64 as Base64.
   */
  binary: boolean;
  /** `replacedAll`: the change replaced the whole text (a paste), so its format is recognised. */
  setText(text: string, replacedAll?: boolean): void;
  /** Reads the same text in another format. */
  setFormat(format: InputFormat): void;
  /** After a change of format, writes the bytes the field held in the new format instead. */
  convert(): void;
  /** Keeps text that looks like base64 as text (the offer to read it as Base64 goes away). */
  keepAsText(): void;
  chooseFile(file: File | undefined): void;
  /** Replaces the whole value (prefill from another page). */
  setValue(value: ByteInputValue): void;
}

/**
 * One byte field's state in plain component state: it is dropped when the page unmounts and
 * never reaches a cache, the URL or storage (plaintext goes through these fields).
 */
export function useByteField(
  limit: ByteLimit,
  {
    binary = false,
    initial = binary ? EMPTY_BINARY_INPUT : EMPTY_BYTE_INPUT,
  }: { binary?: boolean; initial?: ByteInputValue | (() => ByteInputValue) } = {},
): ByteField {
  const [value, setValue] = useState<ByteInputValue>(initial);
  const { max, min, subject } = limit;
  const stableLimit = useMemo(() => ({ max, min, subject }), [max, min, subject]);
  const evaluation = useMemo(() => evaluateByteInput(value, stableLimit), [value, stableLimit]);

  const setText = useCallback(
    (text: string, replacedAll = false) =>
      setValue((v) => enterText(v, text, { bytes: binary, replacedAll })),
    [binary],
  );
  const setFormat = useCallback(
    (format: InputFormat) => setValue((v) => switchInputFormat(v, format)),
    [],
  );
  const convert = useCallback(() => setValue(convertToFormat), []);
  const keepAsText = useCallback(
    () => setValue((v) => ({ ...v, note: { kind: 'kept-as-text' } })),
    [],
  );
  const chooseFile = useCallback(
    (file: File | undefined) => {
      if (!file) {
        setValue((v) => ({ ...v, file: undefined }));
        return;
      }
      const meta = { name: file.name, size: file.size, handle: file };
      // Over the limit: keep only the name and size, so the error shows without reading it.
      if (file.size > max) {
        setValue((v) => ({ ...v, format: 'file', file: meta, note: undefined }));
        return;
      }
      setValue((v) => ({ ...v, format: 'file', file: meta, note: undefined }));
      void file.arrayBuffer().then(
        (buffer) =>
          setValue((v) =>
            v.file?.name === meta.name && v.file.size === meta.size && !v.file.bytes
              ? { ...v, file: { ...meta, bytes: new Uint8Array(buffer) } }
              : v,
          ),
        () => undefined,
      );
    },
    [max],
  );

  return {
    value,
    limit: stableLimit,
    evaluation,
    binary,
    setText,
    setFormat,
    convert,
    keepAsText,
    chooseFile,
    setValue,
  };
}

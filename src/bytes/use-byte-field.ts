import { useCallback, useMemo, useState } from 'react';
import {
  EMPTY_BYTE_INPUT,
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
  setText(text: string): void;
  setFormat(format: InputFormat): void;
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
  initial: ByteInputValue | (() => ByteInputValue) = EMPTY_BYTE_INPUT,
): ByteField {
  const [value, setValue] = useState<ByteInputValue>(initial);
  const { max, min, subject } = limit;
  const stableLimit = useMemo(() => ({ max, min, subject }), [max, min, subject]);
  const evaluation = useMemo(() => evaluateByteInput(value, stableLimit), [value, stableLimit]);

  const setText = useCallback((text: string) => setValue((v) => ({ ...v, text })), []);
  const setFormat = useCallback(
    (format: InputFormat) => setValue((v) => switchInputFormat(v, format)),
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
        setValue((v) => ({ ...v, format: 'file', file: meta }));
        return;
      }
      setValue((v) => ({ ...v, format: 'file', file: meta }));
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

  return { value, limit: stableLimit, evaluation, setText, setFormat, chooseFile, setValue };
}

import { Fragment } from 'react';

/* After a separator (- : / _) or between a lower-case letter and the capital that starts a word. */
const BREAKS = /(?<=[-:/_])|(?<=[a-z])(?=[A-Z])/;

/**
 * A long identifier (key id, ARN, request id, operation or exception name) that may wrap at its
 * separators and between camel-case words when its column is narrow, never inside a word. The
 * text itself is unchanged: copying it copies the identifier.
 */
export function BreakableText({ text }: { text: string }) {
  return (
    <>
      {text.split(BREAKS).map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? <wbr /> : null}
          {/* Whole words: a narrow column widens to its longest word instead of splitting it. */}
          <span style={{ whiteSpace: 'nowrap' }}>{part}</span>
        </Fragment>
      ))}
    </>
  );
}

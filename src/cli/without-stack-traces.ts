// cdktf records a full, unbounded stack trace for every token it creates (tokens/private/
// stack-trace.js), whatever App({ stackTraces }) says; they are only read when a token fails to
// resolve. On a 2,000-entry fleet that was ~40% of synth time. The CLI does not print stack traces
// (JUMPHOST_DEBUG=1 keeps them), so it runs the synth with trace capture turned off, then restores it.

export function withoutStackTraces<T>(run: () => T): T {
  const capture = Error.captureStackTrace;
  Error.captureStackTrace = (target: object) => {
    Object.defineProperty(target, "stack", { value: "", configurable: true, writable: true });
  };
  try {
    return run();
  } finally {
    Error.captureStackTrace = capture;
  }
}

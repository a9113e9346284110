/**
 * The deadlines of host calls in flight, watched by one timer. A host that answers at
 * once makes `setTimeout` and `clearTimeout` the dearest part of a call, so a call arms a
 * timer only when none is due before its own deadline. The timer may outlive the calls by
 * up to one timeout; it then fires once and, with nothing left to watch, is not armed again.
 */
interface Deadline {
  at: number;
  expire: () => void;
}

const deadlines = new Set<Deadline>();
/** When the armed timer fires (`Infinity`: none is armed). */
let due = Infinity;
let timer: ReturnType<typeof setTimeout> | undefined;
/**
 * The `setTimeout` the timer was armed with. Another one now (a test's fake clock installed
 * or removed) may never fire it, so the next deadline arms a timer of its own.
 */
let armedWith: unknown;

/** Calls `expire` in `ms` unless the returned function is called first. */
export function watchDeadline(ms: number, expire: () => void): () => void {
  const deadline = { at: Date.now() + ms, expire };
  deadlines.add(deadline);
  if (deadline.at < due || armedWith !== setTimeout) arm(deadline.at);
  return () => deadlines.delete(deadline);
}

function arm(at: number): void {
  if (armedWith === setTimeout) clearTimeout(timer);
  armedWith = setTimeout;
  due = at;
  timer = setTimeout(expireDue, at - Date.now());
}

function expireDue(): void {
  due = Infinity;
  const now = Date.now();
  let next = Infinity;
  for (const deadline of deadlines) {
    if (deadline.at > now) next = Math.min(next, deadline.at);
    else {
      deadlines.delete(deadline);
      deadline.expire();
    }
  }
  if (next < Infinity) arm(next);
}

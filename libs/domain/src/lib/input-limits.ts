/** How deeply a request body may nest objects and lists: the portal's own bodies use three levels at most. */
export const MAX_INPUT_DEPTH = 32;
/** The largest whole number any field takes (PostgreSQL's `integer`); the smallest is its negative minus one. */
export const MAX_INPUT_INTEGER = 2_147_483_647;

/** One thing wrong with a request's input, and the field it is in (`contacts.0.email`; the part's name at the top). */
export interface InputProblem {
  field: string;
  message: string;
}

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** Whether text holds a C0 control character other than tab, line feed or carriage return (NUL, say). */
export function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 && code !== TAB && code !== LINE_FEED && code !== CARRIAGE_RETURN) {
      return true;
    }
  }
  return false;
}

/**
 * The first problem with one part of a request (its body, its query, a path parameter), or none: nesting
 * deeper than MAX_INPUT_DEPTH, a control character in any text or property name, a number that is not
 * finite or lies outside PostgreSQL's integer range. It walks with a stack, not recursion, so no input can
 * overflow the walker itself, and it stops at the first problem.
 */
export function findInputProblem(value: unknown, part: string): InputProblem | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop() as { value: unknown; path: string; depth: number };
    const field = item.path || part;
    if (typeof item.value === 'string') {
      if (hasControlCharacter(item.value)) {
        return { field, message: `${field} must not contain control characters such as NUL` };
      }
    } else if (typeof item.value === 'number') {
      if (!Number.isFinite(item.value) || item.value > MAX_INPUT_INTEGER || item.value < -MAX_INPUT_INTEGER - 1) {
        return { field, message: `${field} must be a number from ${-MAX_INPUT_INTEGER - 1} to ${MAX_INPUT_INTEGER}` };
      }
    } else if (typeof item.value === 'object' && item.value !== null) {
      if (item.depth >= MAX_INPUT_DEPTH) {
        return { field, message: `${part} must not nest objects or lists more than ${MAX_INPUT_DEPTH} levels deep` };
      }
      // Pushed in reverse, so the first field is looked at first.
      for (const [key, child] of Object.entries(item.value).reverse()) {
        const path = item.path ? `${item.path}.${key}` : key;
        if (hasControlCharacter(key)) {
          return {
            field: item.path || part,
            message: `${item.path || part} must not have property names with control characters`,
          };
        }
        stack.push({ value: child, path, depth: item.depth + 1 });
      }
    }
  }
  return undefined;
}

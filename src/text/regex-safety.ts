/**
 * A structural check against catastrophic backtracking in phrase patterns: an unbounded quantifier
 * (*, +, {n,}) applied to a group that itself contains a quantifier or an alternation — "(a+)+",
 * "((a+))+b", "(?:a|aa)+" — can take exponential time on a crafted comment. Such patterns are refused
 * in user phrase files, and a test holds the built-in lists to the same rule. Conservative: some safe
 * patterns are refused too; rewrite them without the nested repetition.
 */
export function hasNestedQuantifier(pattern: string): boolean {
  const stack: Array<{ repeats: boolean; alternates: boolean }> = [{ repeats: false, alternates: false }];
  const unboundedAt = (i: number) => {
    const c = pattern[i];
    if (c === '*' || c === '+') return true;
    if (c === '{') return /^\{\d*,\}/.test(pattern.slice(i));
    return false;
  };
  // A fixed count ({3}) repeats nothing ambiguously; ranges and open ends do.
  const quantifierAt = (i: number) => unboundedAt(i) || pattern[i] === '?' || (pattern[i] === '{' && /^\{\d+,\d*\}/.test(pattern.slice(i)));
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    const top = stack[stack.length - 1]!;
    if (c === '\\') {
      i++;
      if (quantifierAt(i + 1)) top.repeats = true;
    } else if (c === '[') {
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      i = j;
      if (quantifierAt(i + 1)) top.repeats = true;
    } else if (c === '(') {
      stack.push({ repeats: false, alternates: false });
    } else if (c === ')') {
      const group = stack.length > 1 ? stack.pop()! : { repeats: false, alternates: false };
      const parent = stack[stack.length - 1]!;
      if (unboundedAt(i + 1) && (group.repeats || group.alternates)) return true;
      if (group.repeats || quantifierAt(i + 1)) parent.repeats = true;
    } else if (c === '|') {
      top.alternates = true;
    } else if (quantifierAt(i + 1) && c !== '?' && c !== '*' && c !== '+' && c !== '}') {
      top.repeats = true;
    }
  }
  return false;
}

/** The list with `value` in it (checked) or out of it, each value at most once, order kept. */
export function toggled<T>(list: readonly T[], value: T, checked: boolean): T[] {
  const without = list.filter((item) => item !== value);
  return checked ? [...without, value] : without;
}

/** "14.03.2027" from a calendar date "2027-03-14", the way Norwegian minutes write it; as given otherwise. */
export function formatDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : date;
}

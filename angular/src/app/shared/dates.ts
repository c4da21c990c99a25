/** Today's date as yyyy-MM-dd in the user's time zone (the date inputs' and the API's format). */
export function today(): string {
  return daysFromToday(0);
}

/** The date `days` after today, as yyyy-MM-dd in the user's time zone. */
export function daysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Today's date as yyyy-MM-dd in the user's time zone (the date inputs' and the API's format). */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

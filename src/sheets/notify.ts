/** Messages where the user is looking: a toast in the spreadsheet (works from simple triggers too). */
import { Book } from './book';

export function toast(book: Book, message: string): void {
  try {
    book.toast(message.length > 300 ? `${message.slice(0, 297)}...` : message, 'Deal Pipeline', 15);
  } catch {
    /* a toast is best effort; Health and Check settings carry the same news */
  }
}

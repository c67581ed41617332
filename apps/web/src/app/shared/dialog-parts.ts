import { MatButton } from '@angular/material/button';
import {
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';

/**
 * What a dialog with a form imports for its frame, as one entry: `imports: [DIALOG_PARTS, …]`
 * (title, content, the actions row, the close directive and its buttons).
 */
export const DIALOG_PARTS = [
  MatDialogTitle,
  MatDialogContent,
  MatDialogActions,
  MatDialogClose,
  MatButton,
] as const;

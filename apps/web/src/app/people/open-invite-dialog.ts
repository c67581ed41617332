import type { Injector } from '@angular/core';
import type { MatDialogRef } from '@angular/material/dialog';
import type { PersonDto } from '@blup/contracts';
import { firstValueFrom } from 'rxjs';

/**
 * Opens the invite dialog, loading its code only now (it is not needed on most visits).
 * Resolves with the invited person, or undefined when cancelled.
 */
export async function openInviteDialog(injector: Injector): Promise<PersonDto | undefined> {
  const [{ MatDialog }, { InviteDialog }] = await Promise.all([
    import('@angular/material/dialog'),
    import('./invite.dialog'),
  ]);
  const ref: MatDialogRef<unknown, PersonDto> = injector.get(MatDialog).open(InviteDialog, {
    width: '560px',
    maxWidth: 'calc(100vw - 16px)',
    autoFocus: 'first-tabbable',
  });
  return firstValueFrom(ref.afterClosed());
}

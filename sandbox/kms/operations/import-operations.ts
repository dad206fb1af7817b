import type { OperationRegistry } from '../operation';
import { deleteImportedKeyMaterial } from './delete-imported-key-material';
import { getParametersForImport } from './get-parameters-for-import';
import { importKeyMaterial } from './import-key-material';

/** Imported key material: keys with Origin EXTERNAL. */
export const IMPORT_OPERATIONS = {
  GetParametersForImport: getParametersForImport,
  ImportKeyMaterial: importKeyMaterial,
  DeleteImportedKeyMaterial: deleteImportedKeyMaterial,
} satisfies OperationRegistry;

import type { FileUploadProps } from '@cloudscape-design/components/file-upload';
import { formatBytes } from '../envelope/limits';

export const FILE_UPLOAD_STRINGS: FileUploadProps.I18nStrings = {
  uploadButtonText: (multiple) => (multiple ? 'Choose files' : 'Choose file'),
  dropzoneText: (multiple) => (multiple ? 'Drop files here' : 'Drop file here'),
  removeFileAriaLabel: (index, name) => `Remove ${name}`,
  limitShowFewer: 'Show fewer files',
  limitShowMore: 'Show more files',
  errorIconAriaLabel: 'Error',
  warningIconAriaLabel: 'Warning',
  formatFileSize: formatBytes,
};

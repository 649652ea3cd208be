/** Texts of the exports (SPEC §5.5). */
export const nlExports = {
  csv: 'Exporteer als CSV',
  xlsx: 'Exporteer als Excel',
  done: 'De export is gedownload.',
  failed: 'De export is niet gelukt. Probeer het opnieuw.',
  audit: 'Download auditspoor (JSON lines)',
  auditDone:
    'Het auditspoor is gedownload. Controleer het buiten Regie met: npm run verify-audit -- <bestand>.',
};

export const enExports: typeof nlExports = {
  csv: 'Export as CSV',
  xlsx: 'Export as Excel',
  done: 'The export has been downloaded.',
  failed: 'The export did not work. Please try again.',
  audit: 'Download audit trail (JSON lines)',
  auditDone:
    'The audit trail has been downloaded. Verify it outside Regie with: npm run verify-audit -- <file>.',
};

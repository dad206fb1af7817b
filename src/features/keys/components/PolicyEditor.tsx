import CodeEditor, { type CodeEditorProps } from '@cloudscape-design/components/code-editor';
import { useEffect, useState } from 'react';

const I18N: CodeEditorProps.I18nStrings = {
  loadingState: 'Loading code editor',
  errorState: 'There was an error loading the code editor.',
  errorStateRecovery: 'Retry',
  editorGroupAriaLabel: 'Key policy editor',
  statusBarGroupAriaLabel: 'Status bar',
  cursorPosition: (row, column) => `Ln ${row}, Col ${column}`,
  errorsTab: 'Errors',
  warningsTab: 'Warnings',
  preferencesButtonAriaLabel: 'Editor preferences',
  paneCloseButtonAriaLabel: 'Close',
  preferencesModalHeader: 'Preferences',
  preferencesModalCancel: 'Cancel',
  preferencesModalConfirm: 'Confirm',
  preferencesModalCloseAriaLabel: 'Close',
  preferencesModalWrapLines: 'Wrap lines',
  preferencesModalTheme: 'Theme',
  preferencesModalLightThemes: 'Light themes',
  preferencesModalDarkThemes: 'Dark themes',
  preferencesModalThemeFilteringPlaceholder: 'Find theme',
  preferencesModalThemeFilteringAriaLabel: 'Filter themes',
  preferencesModalThemeFilteringClearAriaLabel: 'Clear filter',
  resizeHandleAriaLabel: 'Resize editor',
  resizeHandleTooltipText: 'Drag or select to resize',
};

/**
 * Ace (≈400 KB) loads only when someone edits a policy. Everything it would otherwise fetch or
 * inject at run time is bundled here, because the console's Content-Security-Policy allows
 * neither: with `useStrictCSP` Ace injects no <style> elements, so its stylesheets are imported
 * as CSS, and the modules Cloudscape's editor asks for (language tools, JSON snippets) are
 * imported up front instead of loaded as scripts from a path Ace cannot infer.
 */
async function loadAce(): Promise<unknown> {
  const ace = await import('ace-builds');
  ace.config.set('useStrictCSP', true);
  await Promise.all([
    import('ace-builds/css/ace.css'),
    import('ace-builds/css/theme/dawn.css'),
    import('ace-builds/css/theme/tomorrow_night_bright.css'),
    import('ace-builds/src-noconflict/mode-json'),
    import('ace-builds/src-noconflict/theme-dawn'),
    import('ace-builds/src-noconflict/theme-tomorrow_night_bright'),
    import('ace-builds/src-noconflict/ext-language_tools'),
    import('ace-builds/src-noconflict/snippets/json'),
  ]);
  // Validation is ours (JSON + policy grammar); Ace's worker would need a separate script.
  ace.config.setDefaultValue('session', 'useWorker', false);
  return ace;
}

/** The key policy editor: Cloudscape's CodeEditor in JSON mode. */
export default function PolicyEditor({
  value,
  onChange,
}: {
  value: string;
  onChange(value: string): void;
}) {
  const [ace, setAce] = useState<unknown>();
  const [failed, setFailed] = useState(false);
  const [preferences, setPreferences] = useState<Partial<CodeEditorProps.Preferences>>({
    wrapLines: true,
  });
  useEffect(() => {
    let cancelled = false;
    loadAce().then(
      (loaded) => !cancelled && setAce(loaded),
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return (
    <CodeEditor
      ace={ace}
      value={value}
      language="json"
      onChange={({ detail }) => onChange(detail.value)}
      preferences={preferences}
      onPreferencesChange={({ detail }) => setPreferences(detail)}
      loading={!ace && !failed}
      i18nStrings={I18N}
      themes={{ light: ['dawn'], dark: ['tomorrow_night_bright'] }}
      editorContentHeight={420}
      ariaLabel="Key policy"
      onRecoveryClick={() => {
        setFailed(false);
        void loadAce().then(setAce, () => setFailed(true));
      }}
    />
  );
}

import 'i18next';
import type { Catalogue } from './catalogue';

declare module 'i18next' {
  // Module augmentation only works with an interface. With it, every `t('…')` key is type-checked.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalogue };
  }
}

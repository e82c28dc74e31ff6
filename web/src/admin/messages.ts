import { mergeMessages, type Tree } from '@/i18n';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

// Every admin message: the common ones, plus each page folder's own under its name.
const pages = import.meta.glob<Tree>('./pages/*/locales/*.json', { eager: true, import: 'default' });

export const adminMessages = mergeMessages({ 'zh-CN': zh, en }, pages);

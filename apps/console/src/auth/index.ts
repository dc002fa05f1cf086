// The sign-in's public surface: what other pages put in their headers.
export { LanguageSwitch } from './LanguageSwitch.js';
export { LogoutButton } from './LogoutButton.js';

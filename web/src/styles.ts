// NL Design System: the design tokens (on `.utrecht-theme`, the root element) and the CSS of each component
// used. The component library's plain entry renders unstyled markup; its css-module entry would double the JS.
import '@utrecht/design-tokens/dist/index.css';
import '@utrecht/document-css/dist/index.css';
import '@utrecht/skip-link-css/dist/index.css';
import '@utrecht/page-header-css/dist/index.css';
import '@utrecht/nav-bar-css/dist/index.css';
import '@utrecht/nav-list-css/dist/index.css';
import '@utrecht/link-css/dist/index.css';
import '@utrecht/link-button-css/dist/index.css';
import '@utrecht/button-css/dist/index.css';
import '@utrecht/button-link-css/dist/index.css';
import '@utrecht/button-group-css/dist/index.css';
import '@utrecht/heading-1-css/dist/index.css';
import '@utrecht/heading-2-css/dist/index.css';
import '@utrecht/paragraph-css/dist/index.css';
import '@utrecht/alert-css/dist/index.css';
import '@utrecht/table-css/dist/index.css';
import '@utrecht/form-field-css/dist/index.css';
import '@utrecht/form-label-css/dist/index.css';
import '@utrecht/form-field-description-css/dist/index.css';
import '@utrecht/form-field-error-message-css/dist/index.css';
import '@utrecht/textbox-css/dist/index.css';
import '@utrecht/textarea-css/dist/index.css';
import '@utrecht/select-css/dist/index.css';
import '@utrecht/unordered-list-css/dist/index.css';
import '@utrecht/data-list-css/dist/index.css';
import './app.css';

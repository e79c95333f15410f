declare module 'virtual:cakap-plugins' {
  import type { PortalPluginDefinition } from '@cakap/plugin-sdk/portal';
  /** The `./portal` default exports of the plugins named in CAKAP_PLUGINS at build time. */
  const plugins: PortalPluginDefinition[];
  export default plugins;
}

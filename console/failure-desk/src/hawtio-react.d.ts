// The few parts of @hawtio/react the plugin uses. The module itself comes from the Hawtio console at run
// time (shared, import: false in webpack.config.cjs), so the package is not installed here.
declare module '@hawtio/react' {
  import type { ComponentType } from 'react'

  export type Plugin = {
    id: string
    title?: string
    path?: string
    order?: number
    component?: ComponentType
    isActive: () => Promise<boolean>
  }

  export type HawtioPlugin = () => void

  export const hawtio: { addPlugin(plugin: Plugin): unknown }
}

import { hawtio, HawtioPlugin } from '@hawtio/react'
import { FailureDesk } from './FailureDesk'

/** Entry point Hawtio calls after loading remoteEntry.js (HawtioPlugin bean: scope failureDesk, module ./plugin). */
export const plugin: HawtioPlugin = () => {
  hawtio.addPlugin({
    id: 'failure-desk',
    title: 'Failure desk',
    path: '/failure-desk',
    // Just after Hawtio's own plugins (0-30 are theirs).
    order: 31,
    component: FailureDesk,
    isActive: async () => true,
  })
}

package org.carehub.cluster;

import org.apache.camel.cluster.CamelClusterMember;

/** A hub in a namespace's view: this hub, or the other hub the lease table names as leader. */
record LeaseMember(String getId, boolean isLeader, boolean isLocal) implements CamelClusterMember {
}

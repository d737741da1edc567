package org.carehub.cluster;

import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.CamelContextHelper;

/**
 * Gives each route listed in carehub.cluster.single-active-routes Camel's ClusteredRoutePolicy on its own lease
 * (namespace = route id): the route runs only on the hub that leads it. The routes' YAML stays as it is.
 */
public class SingleActiveRoutes implements RoutePolicyFactory {

    private final DatabaseClusterService clusterService;
    private final ClusterProperties properties;

    public SingleActiveRoutes(DatabaseClusterService clusterService, ClusterProperties properties) {
        this.clusterService = clusterService;
        this.properties = properties;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        if (!properties.singleActiveRoutes().contains(routeId) || switchedOff(camelContext, route)) {
            return null;
        }
        try {
            ClusteredRoutePolicy policy = ClusteredRoutePolicy.forNamespace(clusterService, routeId);
            policy.setCamelContext(camelContext);
            return policy;
        } catch (Exception e) {
            throw new IllegalStateException("Could not make route " + routeId + " single-active: " + e.getMessage(), e);
        }
    }

    /** A route switched off in config (autoStartup false) stays off: the policy would start it on leading. */
    private static boolean switchedOff(CamelContext camelContext, NamedNode route) {
        String autoStartup = route instanceof RouteDefinition definition ? definition.getAutoStartup() : null;
        return autoStartup != null && !CamelContextHelper.parseBoolean(camelContext, autoStartup);
    }
}

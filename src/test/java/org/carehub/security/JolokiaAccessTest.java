package org.carehub.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which Jolokia requests only look (a viewer may send them) and which change something (operator only). */
class JolokiaAccessTest {

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest(name = "{0} {1} only looks: {2}")
    @CsvSource({
            "read,,true", "list,,true", "search,,true", "version,,true", "READ,,true",
            "write,,false", "notification,,false", "'',,false",
            "exec,browse(),true", "exec,listMessages(java.lang.String),true", "exec,countMessages(),true",
            "exec,listParked,true", "exec,explain(java.lang.String),true", "exec,dumpRoutesAsXml(),true",
            "exec,canInvoke(java.lang.String),true", "exec,componentNames(),true", "exec,isUpdateRouteEnabled(),true",
            "exec,retryMessages(),false", "exec,removeMessages(java.lang.String),false", "exec,moveMessages,false",
            "exec,retry(java.lang.String;java.lang.String),false", "exec,discard,false", "exec,stop(),false",
            "exec,cancel(),false", "exec,isolate(),false", "exec,listener(),false", "exec,,false"})
    void tells_looking_from_changing(String type, String operation, boolean looks) {
        ObjectNode call = json.createObjectNode().put("type", type);
        if (operation != null) {
            call.put("operation", operation.replace(';', ','));
        }
        assertThat(JolokiaAccess.onlyLooks(call)).isEqualTo(looks);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/exec/org.apache.activemq.artemis:broker=\"b\"/retryMessages()|exec,org.apache.activemq.artemis:broker=\"b\",retryMessages()",
            "exec/a:name=x!/y/op|exec,a:name=x/y,op",
            "/read/a:b=c!!d/Attr/|read,a:b=c!d,Attr"})
    void splits_jolokia_paths_with_their_escapes(String path, String parts) {
        assertThat(JolokiaAccess.segments(path)).containsExactly(parts.split(","));
    }
}

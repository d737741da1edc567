package org.carehub.cases;

import java.util.Optional;
import org.carehub.cases.CaseStore.Versioned;

/**
 * Where the rules read the clients and care lines last applied: the case store itself, or what it held for a whole
 * batch read at once ({@link CaseStore#snapshot}), so checking many lines costs two queries, not three a line.
 */
public interface CaseLookup {

    Optional<Versioned<CareLine>> careLine(String cpliId);

    Optional<Versioned<Client>> client(String lasPersonId);
}

package cn.keyida.portal.search;

import cn.keyida.portal.web.InvalidInputException;

/**
 * Elasticsearch answered and refused this one query (status 400): the search is at fault, not the
 * service. A 400 for the visitor; a saved search's failure for the digest job, which goes on with the
 * next subscription (unlike {@link SearchUnavailableException}, which stops it).
 */
public class SearchRefusedException extends InvalidInputException {
    public SearchRefusedException(Throwable cause) {
        super("搜索条件无效，请修改后重试");
        initCause(cause);
    }
}

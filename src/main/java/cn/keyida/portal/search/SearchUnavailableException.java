package cn.keyida.portal.search;

/** Elasticsearch cannot be reached or refused the request: pages show a notice, the API answers 503. */
public class SearchUnavailableException extends RuntimeException {
    public SearchUnavailableException(Throwable cause) {
        super("搜索服务暂时不可用，请稍后再试", cause);
    }
}

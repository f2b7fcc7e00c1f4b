package cn.keyida.portal.search;

import cn.keyida.portal.web.UnavailableException;

/** Elasticsearch cannot be reached or refused the request: pages show a notice, the API answers 503. */
public class SearchUnavailableException extends UnavailableException {
    public SearchUnavailableException(Throwable cause) {
        super("搜索服务暂时不可用", "搜索服务暂时不可用，请稍后再试", cause, 30);
    }
}

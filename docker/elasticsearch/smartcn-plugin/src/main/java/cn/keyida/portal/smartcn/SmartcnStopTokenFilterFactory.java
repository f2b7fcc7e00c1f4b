package cn.keyida.portal.smartcn;

import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * Token filter {@code smartcn_stop}: removes SmartChineseAnalyzer's default stop words
 * (mostly punctuation) (same name as the official plugin).
 */
@NamedComponent("smartcn_stop")
public class SmartcnStopTokenFilterFactory implements TokenFilterFactory {

    public SmartcnStopTokenFilterFactory() {
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new StopFilter(tokenStream, SmartChineseAnalyzer.getDefaultStopSet());
    }
}

package cn.keyida.portal.smartcn;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/** Tokenizer {@code smartcn_tokenizer}: Lucene's HMMChineseTokenizer (same name as the official plugin). */
@NamedComponent("smartcn_tokenizer")
public class SmartcnTokenizerFactory implements TokenizerFactory {

    public SmartcnTokenizerFactory() {
    }

    @Override
    public Tokenizer create() {
        return new HMMChineseTokenizer();
    }
}

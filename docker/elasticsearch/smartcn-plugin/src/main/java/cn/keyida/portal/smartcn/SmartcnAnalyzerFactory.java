package cn.keyida.portal.smartcn;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** Analyzer {@code smartcn}: Lucene's SmartChineseAnalyzer with its default stop words (same name as the official plugin). */
@NamedComponent("smartcn")
public class SmartcnAnalyzerFactory implements AnalyzerFactory {

    public SmartcnAnalyzerFactory() {
    }

    @Override
    public Analyzer create() {
        return new SmartChineseAnalyzer();
    }
}

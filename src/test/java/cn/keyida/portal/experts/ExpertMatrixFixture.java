package cn.keyida.portal.experts;

import cn.keyida.portal.needs.Need;
import cn.keyida.portal.needs.NeedSubmission;
import cn.keyida.portal.support.Enterprises;
import io.quarkus.arc.Arc;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Path values of the pool's routes for the authorization matrix: expert1 active in the pool, and a need
 * of enterprise A offered to expert1.
 */
public final class ExpertMatrixFixture {

    private ExpertMatrixFixture() {}

    public static Map<String, String> values() {
        long expert = ExpertFixtures.activeAccount("expert1", "张专家", "四川省新材料研究院", List.of("03", "02"));
        Need need = Arc.container().instance(NeedSubmission.class).get().submit(Enterprises.enterpriseA().subject,
                new NeedSubmission.Submission("TECH", "权限矩阵专家咨询", "权限矩阵测试用的需求。", "", null, null, true),
                List.of(), "matrix").orElseThrow();
        ExpertAssignment a = Arc.container().instance(AssignmentWorkflow.class).get()
                .assign(need.id, String.valueOf(expert), "", "matrix");
        Map<String, String> v = new LinkedHashMap<>();
        v.put("{poolExpert}", String.valueOf(expert));
        v.put("{poolDecision}", "admit");
        v.put("{expertNeed}", String.valueOf(need.id));
        v.put("{assignmentStep}", "accept");
        v.put("{staffAssignmentStep}", "forward");
        v.put("{assignment}", String.valueOf(a.id));
        return v;
    }
}

package cn.keyida.portal.experts;

import cn.keyida.portal.web.ConflictException;

/** An action the expert's (or assignment's) state or version does not allow: 409 with a Chinese reason. */
public class ExpertConflict extends ConflictException {
    public ExpertConflict(String message) {
        super(message);
    }

    static ExpertConflict stale() {
        return new ExpertConflict("该记录刚刚已被其他人处理，您的操作未执行。请刷新页面查看最新状态后再操作。");
    }

    static ExpertConflict refused(ExpertStatus status, ExpertAction action) {
        return new ExpertConflict("专家当前状态为“" + status.label + "”，不能" + action.label + "。");
    }
}

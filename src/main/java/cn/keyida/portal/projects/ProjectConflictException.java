package cn.keyida.portal.projects;

import cn.keyida.portal.web.ConflictException;

/** An action the application's (call's, review's) state or version does not allow: 409 with a Chinese reason. */
public class ProjectConflictException extends ConflictException {
    public ProjectConflictException(String message) {
        super(message);
    }

    static ProjectConflictException stale() {
        return new ProjectConflictException("该记录刚刚已被其他人处理，您的操作未执行。请刷新页面查看最新状态后再操作。");
    }
}

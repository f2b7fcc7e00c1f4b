<#macro content>
<div class="keyida-footer">
  <p>企业注册并验证邮箱后，请先完善企业信息，即可提交企业需求、订阅政策。</p>
  <p><a href="${(client.baseUrl)!'/'}">返回科易达科技服务平台</a></p>
  <p>服务热线 0839-12345（工作日 9:00–17:00）</p>
</div>
</#macro>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountEditor</name>
    <message>
        <source>An account named “%1” exists already.</source>
        <translation>名为“%1”的账号已存在。</translation>
    </message>
    <message>
        <source>The AccessKey secret is required.</source>
        <translation>必须填写 AccessKey Secret。</translation>
    </message>
    <message>
        <source>Saving in the keychain…</source>
        <translation>正在保存到钥匙串…</translation>
    </message>
    <message>
        <source>The account was not saved: %1

You can keep it for this session only. Its secret then stays in SandboxDesk&apos;s memory and is forgotten when SandboxDesk quits; nothing is written to disk.</source>
        <translation>账号未保存：%1

您可以仅在本次会话中使用该账号。其 AccessKey Secret 只保存在 SandboxDesk 的内存中，退出 SandboxDesk 后即被清除，不会写入磁盘。</translation>
    </message>
    <message>
        <source>The account was not saved: %1</source>
        <translation>账号未保存：%1</translation>
    </message>
    <message>
        <source>To keep this account for this session only, type its AccessKey secret again.</source>
        <translation>若要仅在本次会话中使用此账号，请重新输入其 AccessKey Secret。</translation>
    </message>
    <message>
        <source>Type the AccessKey ID and secret first.</source>
        <translation>请先输入 AccessKey ID 和 Secret。</translation>
    </message>
    <message>
        <source>The regions could not be listed: %1</source>
        <translation>无法列出地域：%1</translation>
    </message>
    <message>
        <source>Asking Alibaba Cloud for the regions…</source>
        <translation>正在向阿里云查询地域…</translation>
    </message>
    <message numerus="yes">
        <source>%n region(s) available to this key.</source>
        <translation>
            <numerusform>此 AccessKey 可用 %n 个地域。</numerusform>
        </translation>
    </message>
    <message>
        <source>Add Account</source>
        <translation>添加账号</translation>
    </message>
    <message>
        <source>Edit Account</source>
        <translation>编辑账号</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>AccessKey &amp;ID:</source>
        <translation>AccessKey &amp;ID：</translation>
    </message>
    <message>
        <source>AccessKey &amp;secret:</source>
        <translation>AccessKey Secret(&amp;S)：</translation>
    </message>
    <message>
        <source>STS &amp;token:</source>
        <translation>STS 令牌(&amp;T)：</translation>
    </message>
    <message>
        <source>Default &amp;region:</source>
        <translation>默认地域(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Other regions:</source>
        <translation>其他地域(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>接入地址(&amp;E)：</translation>
    </message>
    <message>
        <source>Si&amp;gnature:</source>
        <translation>签名(&amp;G)：</translation>
    </message>
    <message>
        <source>for example work</source>
        <translation>例如 work</translation>
    </message>
    <message>
        <source>for example LTAI5t…</source>
        <translation>例如 LTAI5t…</translation>
    </message>
    <message>
        <source>kept in the keychain, never shown again</source>
        <translation>保存在钥匙串中，不会再次显示</translation>
    </message>
    <message>
        <source>unchanged; type a new secret to replace it</source>
        <translation>保持不变；输入新的 Secret 以替换</translation>
    </message>
    <message>
        <source>optional, for a temporary STS key</source>
        <translation>可选，用于 STS 临时访问凭证</translation>
    </message>
    <message>
        <source>unchanged; type a new token to replace it</source>
        <translation>保持不变；输入新的令牌以替换</translation>
    </message>
    <message>
        <source>Remove the stored token</source>
        <translation>删除已保存的令牌</translation>
    </message>
    <message>
        <source>for example cn-hangzhou</source>
        <translation>例如 cn-hangzhou</translation>
    </message>
    <message>
        <source>&amp;Fetch Regions</source>
        <translation>获取地域(&amp;F)</translation>
    </message>
    <message>
        <source>Ask Alibaba Cloud which regions this key can use</source>
        <translation>向阿里云查询此 AccessKey 可使用的地域</translation>
    </message>
    <message>
        <source>optional, comma-separated, for example cn-beijing</source>
        <translation>可选，以逗号分隔，例如 cn-beijing</translation>
    </message>
    <message>
        <source>optional; empty uses eci.&lt;region&gt;.aliyuncs.com</source>
        <translation>可选；留空则使用 eci.&lt;地域&gt;.aliyuncs.com</translation>
    </message>
    <message>
        <source>V3 (ACS3-HMAC-SHA256, recommended)</source>
        <translation>V3（ACS3-HMAC-SHA256，推荐）</translation>
    </message>
    <message>
        <source>V1 (HMAC-SHA1)</source>
        <translation>V1（HMAC-SHA1）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Session only:&lt;/b&gt; this account and its secret are kept in memory and are gone when SandboxDesk quits.</source>
        <translation>&lt;b&gt;仅限本次会话：&lt;/b&gt;此账号及其 AccessKey Secret 只保存在内存中，退出 SandboxDesk 后即被清除。</translation>
    </message>
    <message>
        <source>Keep for This &amp;Session Only</source>
        <translation>仅在本次会话中保留(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Import a .env File</source>
        <translation>导入 .env 文件</translation>
    </message>
    <message>
        <source>&lt;b&gt;No keychain can be used.&lt;/b&gt; %1&lt;br&gt;Accounts can still be added for this session only: their secrets stay in memory and are forgotten when SandboxDesk quits.</source>
        <translation>&lt;b&gt;无法使用钥匙串。&lt;/b&gt;%1&lt;br&gt;仍可添加仅限本次会话的账号：其 AccessKey Secret 只保存在内存中，退出 SandboxDesk 后即被清除。</translation>
    </message>
    <message>
        <source>This session only (memory)</source>
        <translation>仅本次会话（内存）</translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation>钥匙串</translation>
    </message>
    <message>
        <source>The aliyun configuration has no profiles.</source>
        <translation>aliyun 配置中没有任何配置档案。</translation>
    </message>
    <message>
        <source>Import an aliyun CLI Profile</source>
        <translation>导入 aliyun CLI 配置档案</translation>
    </message>
    <message>
        <source>Profiles in %1:</source>
        <translation>%1 中的配置档案：</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>删除账号</translation>
    </message>
    <message>
        <source>Remove the account “%1”? Its connections close and its secret is deleted from the keychain.</source>
        <translation>删除账号“%1”？其连接将被关闭，其 AccessKey Secret 将从钥匙串中删除。</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>The account “%1” was not removed: %2</source>
        <translation>账号“%1”未删除：%2</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Alibaba Cloud accounts for Elastic Container Instance. Each region of an account is a connection in the main window. Secrets are kept in the system keychain, never in SandboxDesk&apos;s settings.</source>
        <translation>用于弹性容器实例（ECI）的阿里云账号。账号的每个地域都是主窗口中的一个连接。AccessKey Secret 保存在系统钥匙串中，绝不会写入 SandboxDesk 的设置。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>AccessKey ID</source>
        <translation>AccessKey ID</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>Secret kept in</source>
        <translation>Secret 保存位置</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>删除(&amp;R)…</translation>
    </message>
    <message>
        <source>From the &amp;Environment</source>
        <translation>从环境变量(&amp;E)</translation>
    </message>
    <message>
        <source>From a .&amp;env File…</source>
        <translation>从 .env 文件(&amp;N)…</translation>
    </message>
    <message>
        <source>From an &amp;aliyun CLI Profile…</source>
        <translation>从 aliyun CLI 配置档案(&amp;A)…</translation>
    </message>
</context>
<context>
    <name>ActivityLog</name>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>位于 %1</translation>
    </message>
    <message>
        <source>Cannot write “%1”.</source>
        <translation>无法写入“%1”。</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>由 %1</translation>
    </message>
</context>
<context>
    <name>ActivityLogFile</name>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>ActivityLogWindow</name>
    <message>
        <source>Activity Log</source>
        <translation>活动日志</translation>
    </message>
    <message>
        <source>Activity Log Toolbar</source>
        <translation>活动日志工具栏</translation>
    </message>
    <message>
        <source>Search the activity</source>
        <translation>搜索活动</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Show only the entries that match</source>
        <translation>只显示匹配的条目</translation>
    </message>
    <message>
        <source>Wrap</source>
        <translation>自动换行</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Show times in UTC instead of local time</source>
        <translation>以 UTC 而非本地时间显示时间</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export &amp;All Entries…</source>
        <translation>导出全部条目(&amp;A)…</translation>
    </message>
    <message>
        <source>Export &amp;Matching Entries…</source>
        <translation>导出匹配的条目(&amp;M)…</translation>
    </message>
    <message>
        <source>Export matching activity</source>
        <translation>导出匹配的活动</translation>
    </message>
    <message>
        <source>Export activity log</source>
        <translation>导出活动日志</translation>
    </message>
    <message>
        <source>Plain text (*.log *.txt)</source>
        <translation>纯文本 (*.log *.txt)</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Export Matching Entries</source>
        <translation>导出匹配的条目</translation>
    </message>
    <message>
        <source>Export Activity Log</source>
        <translation>导出活动日志</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>The activity log could not be exported.</source>
        <translation>无法导出活动日志。</translation>
    </message>
</context>
<context>
    <name>AllJobsModel</name>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>Killed</source>
        <translation>已终止</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>已丢失</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>沙箱</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Exit Code</source>
        <translation>退出码</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>启动时间</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
</context>
<context>
    <name>AllJobsWindow</name>
    <message>
        <source>Output of job %1 in %2:</source>
        <translation>%2 中作业 %1 的输出：</translation>
    </message>
    <message>
        <source>The output of job %1 could not be read: %2</source>
        <translation>无法读取作业 %1 的输出：%2</translation>
    </message>
    <message>
        <source>Output of job %1 in %2 (ended):</source>
        <translation>%2 中作业 %1 的输出（已结束）：</translation>
    </message>
    <message>
        <source>Stopping job %1 in %2…</source>
        <translation>正在停止 %2 中的作业 %1…</translation>
    </message>
    <message>
        <source>Job %1 in %2 was not stopped: %3</source>
        <translation>%2 中的作业 %1 未能停止：%3</translation>
    </message>
    <message>
        <source>Job %1 in %2 was stopped.</source>
        <translation>%2 中的作业 %1 已停止。</translation>
    </message>
    <message>
        <source>The jobs of %1 could not be listed: %2</source>
        <translation>无法列出 %1 的作业：%2</translation>
    </message>
    <message>
        <source>No sandbox has background jobs.</source>
        <translation>没有沙箱有后台作业。</translation>
    </message>
    <message>
        <source>Jobs in All Sandboxes</source>
        <translation>所有沙箱中的作业</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Follow Output</source>
        <translation>跟随输出(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Kill</source>
        <translation>终止(&amp;K)</translation>
    </message>
    <message>
        <source>TERM to the job&apos;s processes, then KILL 2 seconds later</source>
        <translation>向作业的进程发送 TERM，2 秒后发送 KILL</translation>
    </message>
    <message>
        <source>Select a job and follow it to see its output.</source>
        <translation>选择一个作业并跟随，即可查看其输出。</translation>
    </message>
</context>
<context>
    <name>Backend</name>
    <message>
        <source>Disconnected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>连接已断开</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>强制终止</translation>
    </message>
</context>
<context>
    <name>BulkOperation</name>
    <message>
        <source>The connection is gone.</source>
        <translation>连接已不存在。</translation>
    </message>
</context>
<context>
    <name>CleanupCandidate</name>
    <message>
        <source>expired %1 ago</source>
        <translation>%1前已到期</translation>
    </message>
    <message>
        <source>stopped for %1</source>
        <translation>已停止 %1</translation>
    </message>
    <message>
        <source>idle for %1</source>
        <translation>已空闲 %1</translation>
    </message>
</context>
<context>
    <name>CleanupDialog</name>
    <message>
        <source>Looking…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <source>Clean Up Sandboxes</source>
        <translation>清理沙箱</translation>
    </message>
    <message>
        <source>A duration such as 90m, 12h or 2d</source>
        <translation>时长，例如 90m、12h 或 2d</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>“%1” is not a duration such as 90m, 12h or 2d.</source>
        <translation>“%1”不是有效的时长，例如 90m、12h 或 2d。</translation>
    </message>
    <message>
        <source>No connection keeps lifetimes.</source>
        <translation>没有支持生存期的连接。</translation>
    </message>
    <message>
        <source>Nothing to clean up.</source>
        <translation>没有需要清理的沙箱。</translation>
    </message>
    <message numerus="yes">
        <source>%n sandbox(es) will be removed.</source>
        <translation>
            <numerusform>将删除 %n 个沙箱。</numerusform>
        </translation>
    </message>
    <message>
        <source>Sandboxes whose lifetime has passed are removed. Nothing else is, unless chosen below: then also the sandboxes you allowed idle clean-up for (Sandbox ▸ Idle Clean-Up, or for a whole connection from its menu in the connections list) that have been stopped, or running with no terminal, command or job open and CPU below %1% of a core, for that long. Idle time counts from when SandboxDesk or sandboxctl first watched the sandbox.</source>
        <translation>将删除生存期已过的沙箱。除非在下方选择，否则不会删除其他沙箱；选择后，还会删除您允许空闲清理的沙箱（“沙箱 ▸ 空闲清理”，或在连接列表中通过连接的菜单对整个连接允许），条件是它们已停止这么久，或在这么久内一直运行但没有打开的终端、命令或作业，且 CPU 低于单核的 %1%。空闲时间从 SandboxDesk 或 sandboxctl 首次观察该沙箱时开始计算。</translation>
    </message>
    <message>
        <source>Also remove sandboxes allowed &amp;idle clean-up, idle or stopped for at least</source>
        <translation>同时删除允许空闲清理、且已空闲或停止至少这么久的沙箱(&amp;I)</translation>
    </message>
</context>
<context>
    <name>CleanupPlanner</name>
    <message>
        <source>The connection is gone.</source>
        <translation>连接已不存在。</translation>
    </message>
</context>
<context>
    <name>ConnectionList</name>
    <message>
        <source>Connected · version %1</source>
        <translation>已连接 · 版本 %1</translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation>连接已断开：%1</translation>
    </message>
    <message>
        <source>All connections</source>
        <translation>全部连接</translation>
    </message>
</context>
<context>
    <name>ConnectionOrigin</name>
    <message>
        <source>added by the application</source>
        <translation>由应用程序添加</translation>
    </message>
    <message>
        <source>Preferences: %1</source>
        <translation>首选项：%1</translation>
    </message>
    <message>
        <source>account “%1”, region %2</source>
        <translation>账号“%1”，地域 %2</translation>
    </message>
    <message>
        <source>AccessKey from the environment, region %1</source>
        <translation>来自环境变量的 AccessKey，地域 %1</translation>
    </message>
    <message>
        <source>OpenSandbox server “%1”</source>
        <translation>OpenSandbox 服务器“%1”</translation>
    </message>
    <message>
        <source>OpenSandbox server %1 from the environment</source>
        <translation>来自环境变量的 OpenSandbox 服务器 %1</translation>
    </message>
</context>
<context>
    <name>ConnectionRegistry</name>
    <message>
        <source>Docker (%1)</source>
        <translation>Docker（%1）</translation>
    </message>
    <message>
        <source>The engine address from %1 cannot be used: %2</source>
        <translation>无法使用来自 %1 的引擎地址：%2</translation>
    </message>
    <message>
        <source>The endpoint is not a valid address.</source>
        <translation>该接入地址无效。</translation>
    </message>
</context>
<context>
    <name>CreateForm</name>
    <message>
        <source>&amp;Image:</source>
        <translation>镜像(&amp;I)：</translation>
    </message>
    <message>
        <source>for example alpine:3.20</source>
        <translation>例如 alpine:3.20</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>optional; letters, digits, “_”, “.” and “-”</source>
        <translation>可选；字母、数字、“_”、“.”和“-”</translation>
    </message>
    <message>
        <source>Co&amp;mmand:</source>
        <translation>命令(&amp;M)：</translation>
    </message>
    <message>
        <source>optional, for example sleep 3600; else the image&apos;s own</source>
        <translation>可选，例如 sleep 3600；留空则使用镜像自带的命令</translation>
    </message>
    <message>
        <source>&amp;Arguments:</source>
        <translation>参数(&amp;A)：</translation>
    </message>
    <message>
        <source>optional, passed after the command</source>
        <translation>可选，附加在命令之后</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>环境变量(&amp;E)：</translation>
    </message>
    <message>
        <source>KEY=VALUE, one per line</source>
        <translation>KEY=VALUE，每行一个</translation>
    </message>
    <message>
        <source>&amp;Labels:</source>
        <translation>标签(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Working directory:</source>
        <translation>工作目录(&amp;W)：</translation>
    </message>
    <message>
        <source>optional, for example /work</source>
        <translation>可选，例如 /work</translation>
    </message>
    <message>
        <source>&amp;CPUs:</source>
        <translation>CPU 数(&amp;C)：</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限制</translation>
    </message>
    <message>
        <source>Memor&amp;y:</source>
        <translation>内存(&amp;Y)：</translation>
    </message>
    <message>
        <source>for example 512m or 2g; empty for no limit</source>
        <translation>例如 512m 或 2g；留空表示不限制</translation>
    </message>
    <message>
        <source>Ne&amp;twork:</source>
        <translation>网络(&amp;T)：</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>&amp;Ports:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>comma-separated, for example 8080:80, 127.0.0.1:5432:5432</source>
        <translation>用逗号分隔，例如 8080:80, 127.0.0.1:5432:5432</translation>
    </message>
    <message>
        <source>&amp;Zone:</source>
        <translation>可用区(&amp;Z)：</translation>
    </message>
    <message>
        <source>optional, for example cn-hangzhou-h</source>
        <translation>可选，例如 cn-hangzhou-h</translation>
    </message>
    <message>
        <source>&amp;vSwitch:</source>
        <translation>交换机(&amp;V)：</translation>
    </message>
    <message>
        <source>for example vsw-bp1234abcd; empty: the default</source>
        <translation>例如 vsw-bp1234abcd；留空则使用默认值</translation>
    </message>
    <message>
        <source>Security &amp;group:</source>
        <translation>安全组(&amp;G)：</translation>
    </message>
    <message>
        <source>for example sg-bp1234abcd; empty: the default</source>
        <translation>例如 sg-bp1234abcd；留空则使用默认值</translation>
    </message>
    <message>
        <source>Restart &amp;policy:</source>
        <translation>重启策略(&amp;P)：</translation>
    </message>
    <message>
        <source>Service default (Always)</source>
        <translation>服务默认值（Always）</translation>
    </message>
    <message>
        <source>Remove the sandbox when it e&amp;xits</source>
        <translation>退出后自动删除沙箱(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Start after creating</source>
        <translation>创建后启动(&amp;S)</translation>
    </message>
    <message>
        <source>Label “%1” is not KEY=VALUE.</source>
        <translation>标签“%1”不是 KEY=VALUE 格式。</translation>
    </message>
    <message>
        <source>Memory “%1” is not a size; write for example 512m or 2g.</source>
        <translation>内存“%1”不是有效的大小，请填写如 512m 或 2g。</translation>
    </message>
    <message>
        <source>Port “%1” is not valid; write CONTAINER, HOST:CONTAINER or IP:HOST:CONTAINER, with an optional /tcp or /udp, for example 8080:80.</source>
        <translation>端口“%1”无效，请填写 容器端口、主机端口:容器端口 或 IP:主机端口:容器端口，可加 /tcp 或 /udp，例如 8080:80。</translation>
    </message>
</context>
<context>
    <name>CreateSandboxDialog</name>
    <message>
        <source>Pull Image</source>
        <translation>拉取镜像</translation>
    </message>
    <message>
        <source>The image “%1” is not on %2.</source>
        <translation>%2 上没有镜像“%1”。</translation>
    </message>
    <message>
        <source>Pull it from its registry, then create the sandbox?</source>
        <translation>是否先从镜像仓库拉取，再创建沙箱？</translation>
    </message>
    <message>
        <source>&amp;Pull and Create</source>
        <translation>拉取并创建(&amp;P)</translation>
    </message>
    <message>
        <source>Pulling “%1”…</source>
        <translation>正在拉取“%1”…</translation>
    </message>
    <message>
        <source>Creating the sandbox…</source>
        <translation>正在创建沙箱…</translation>
    </message>
    <message>
        <source>The sandbox could not be created: %1</source>
        <translation>无法创建沙箱：%1</translation>
    </message>
    <message>
        <source>Starting the sandbox…</source>
        <translation>正在启动沙箱…</translation>
    </message>
    <message>
        <source>New Sandbox</source>
        <translation>新建沙箱</translation>
    </message>
    <message>
        <source>C&amp;onnection:</source>
        <translation>连接(&amp;O)：</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>创建(&amp;R)</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>Runs as %1</source>
        <translation>将运行：%1</translation>
    </message>
</context>
<context>
    <name>CredentialImport</name>
    <message>
        <source>the environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>该文件</translation>
    </message>
    <message>
        <source>The file contains NUL bytes; it is not a text file.</source>
        <translation>该文件包含 NUL 字节，不是文本文件。</translation>
    </message>
    <message>
        <source>The file is not valid UTF-8 text.</source>
        <translation>该文件不是有效的 UTF-8 文本。</translation>
    </message>
    <message>
        <source>Line %1 is not NAME=VALUE.</source>
        <translation>第 %1 行不是 NAME=VALUE 格式。</translation>
    </message>
    <message>
        <source>Line %1 has an unterminated or misplaced single quote.</source>
        <translation>第 %1 行的单引号未闭合或位置不对。</translation>
    </message>
    <message>
        <source>Line %1 has an unterminated or misplaced double quote.</source>
        <translation>第 %1 行的双引号未闭合或位置不对。</translation>
    </message>
    <message>
        <source>Line %1 has a quote inside an unquoted value.</source>
        <translation>第 %1 行未加引号的值中含有引号。</translation>
    </message>
    <message>
        <source>No AccessKey was found in %1: set %2 and %3 (or %4 and %5).</source>
        <translation>在%1中未找到 AccessKey：请设置 %2 和 %3（或 %4 和 %5）。</translation>
    </message>
    <message>
        <source>An AccessKey secret was found in %1, but no AccessKey ID (%2 or %3).</source>
        <translation>在%1中找到了 AccessKey Secret，但没有 AccessKey ID（%2 或 %3）。</translation>
    </message>
    <message>
        <source>An AccessKey ID was found in %1, but no secret (%2 or %3).</source>
        <translation>在%1中找到了 AccessKey ID，但没有 Secret（%2 或 %3）。</translation>
    </message>
    <message>
        <source>The AccessKey ID may hold only letters, digits, “.”, “_” and “-”, at most 128 of them.</source>
        <translation>AccessKey ID 只能包含字母、数字、“.”、“_”和“-”，最多 128 个字符。</translation>
    </message>
    <message>
        <source>The AccessKey secret must be at most 256 printable characters without spaces.</source>
        <translation>AccessKey Secret 必须是不含空格的可打印字符，最多 256 个。</translation>
    </message>
    <message>
        <source>The security token must be printable characters without spaces.</source>
        <translation>安全令牌必须是不含空格的可打印字符。</translation>
    </message>
    <message>
        <source>The region “%1” is not a region ID such as cn-hangzhou.</source>
        <translation>“%1”不是地域 ID（例如 cn-hangzhou）。</translation>
    </message>
    <message>
        <source>The aliyun configuration is not valid JSON (%1 at byte %2).</source>
        <translation>aliyun 配置不是有效的 JSON（第 %2 字节处：%1）。</translation>
    </message>
    <message>
        <source>The aliyun configuration has no “profiles” list.</source>
        <translation>aliyun 配置中没有“profiles”列表。</translation>
    </message>
    <message>
        <source>Profile %1 in the aliyun configuration has no name.</source>
        <translation>aliyun 配置中的第 %1 个配置档案没有名称。</translation>
    </message>
    <message>
        <source>It signs in with “%1”, which SandboxDesk cannot use: only AK and StsToken profiles hold an AccessKey it can store.</source>
        <translation>它使用“%1”方式登录，SandboxDesk 无法使用：只有 AK 和 StsToken 配置档案含有可保存的 AccessKey。</translation>
    </message>
    <message>
        <source>no mode</source>
        <translation>未指定模式</translation>
    </message>
    <message>
        <source>It has no AccessKey ID or secret.</source>
        <translation>它没有 AccessKey ID 或 Secret。</translation>
    </message>
    <message>
        <source>It is a StsToken profile without a token.</source>
        <translation>这是一个没有令牌的 StsToken 配置档案。</translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <source>“%1” is larger than 1 MiB; it is not a credentials file.</source>
        <translation>“%1”大于 1 MiB，不是凭据文件。</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>The keychain holds no secret named “%1”.</source>
        <translation>钥匙串中没有名为“%1”的条目。</translation>
    </message>
    <message>
        <source>No keychain can be used: it is missing, locked or not answering.</source>
        <translation>无法使用钥匙串：它不存在、已锁定或没有响应。</translation>
    </message>
    <message>
        <source>The keychain refused access.</source>
        <translation>钥匙串拒绝了访问。</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Select a sandbox to see its details.</source>
        <translation>选择一个沙箱以查看详情。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>ID：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>镜像：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <source>Ports:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Limits:</source>
        <translation>资源限制：</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>No samples yet: the service keeps them once the group has run for a while.</source>
        <translation>暂无采样数据：容器组运行一段时间后，服务才会保存采样。</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) over the last hour. Peak CPU %1 % of one core, peak memory %2.</source>
        <translation>
            <numerusform>过去一小时内共 %n 个采样。CPU 峰值为单核的 %1 %，内存峰值 %2。</numerusform>
        </translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>重启次数</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Addresses:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>到期时间：</translation>
    </message>
    <message>
        <source>%1 (in %2)</source>
        <translation>%1（%2后）</translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation>%1（已到期）</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
</context>
<context>
    <name>DockerBackend</name>
    <message>
        <source>The engine closed the event stream.</source>
        <translation>引擎关闭了事件流。</translation>
    </message>
    <message>
        <source>The engine sent a container list that is not valid JSON.</source>
        <translation>引擎返回的容器列表不是有效的 JSON。</translation>
    </message>
    <message>
        <source>The engine refused the request as invalid.</source>
        <translation>引擎认为请求无效，已拒绝。</translation>
    </message>
    <message>
        <source>The engine refused access.</source>
        <translation>引擎拒绝访问。</translation>
    </message>
    <message>
        <source>No such sandbox or image.</source>
        <translation>没有这个沙箱或镜像。</translation>
    </message>
    <message>
        <source>The sandbox is not in a state that allows this, or the name is already in use.</source>
        <translation>沙箱当前的状态不允许此操作，或者名称已被占用。</translation>
    </message>
    <message>
        <source>The engine failed to carry out the request.</source>
        <translation>引擎未能完成请求。</translation>
    </message>
    <message>
        <source>The engine created nothing it could name.</source>
        <translation>引擎没有返回新建对象的 ID。</translation>
    </message>
    <message>
        <source>The engine sent details that are not valid JSON.</source>
        <translation>引擎返回的详细信息不是有效的 JSON。</translation>
    </message>
    <message>
        <source>The image “%1” could not be pulled.</source>
        <translation>无法拉取镜像“%1”。</translation>
    </message>
    <message>
        <source>The engine stopped answering.</source>
        <translation>引擎已停止响应。</translation>
    </message>
    <message>
        <source>No such sandbox: %1</source>
        <translation>没有这个沙箱：%1</translation>
    </message>
</context>
<context>
    <name>DockerEndpoint</name>
    <message>
        <source>default socket</source>
        <translation>默认套接字</translation>
    </message>
    <message>
        <source>context “%1”</source>
        <translation>上下文“%1”</translation>
    </message>
    <message>
        <source>Docker context “%1” has no engine address.</source>
        <translation>Docker 上下文“%1”没有引擎地址。</translation>
    </message>
    <message>
        <source>Docker context “%1” does not exist.</source>
        <translation>Docker 上下文“%1”不存在。</translation>
    </message>
    <message>
        <source>rootless Docker</source>
        <translation>Rootless Docker</translation>
    </message>
    <message>
        <source>Podman (user)</source>
        <translation>Podman（用户）</translation>
    </message>
    <message>
        <source>Podman (system)</source>
        <translation>Podman（系统）</translation>
    </message>
</context>
<context>
    <name>DockerExecSession</name>
    <message>
        <source>The sandbox refused to run the command.</source>
        <translation>沙箱拒绝运行该命令。</translation>
    </message>
    <message>
        <source>The engine did not name the new process.</source>
        <translation>引擎没有返回新进程的 ID。</translation>
    </message>
    <message>
        <source>The engine did not start the command.</source>
        <translation>引擎没有启动该命令。</translation>
    </message>
    <message>
        <source>The engine did not hand over the stream.</source>
        <translation>引擎没有移交数据流。</translation>
    </message>
    <message>
        <source>The engine sent a malformed output frame.</source>
        <translation>引擎发送了格式错误的输出帧。</translation>
    </message>
    <message>
        <source>The connection to the sandbox was lost.</source>
        <translation>与沙箱的连接已断开。</translation>
    </message>
    <message>
        <source>The connection to the sandbox was lost; the command is still running.</source>
        <translation>与沙箱的连接已断开；命令仍在运行。</translation>
    </message>
    <message>
        <source>The session was closed.</source>
        <translation>会话已关闭。</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>连接已关闭。</translation>
    </message>
</context>
<context>
    <name>DockerLogStream</name>
    <message>
        <source>The engine failed to read the log.</source>
        <translation>引擎未能读取日志。</translation>
    </message>
    <message>
        <source>The engine sent a log frame of unknown kind (%1).</source>
        <translation>引擎发送了未知类型的日志帧（%1）。</translation>
    </message>
    <message>
        <source>No such sandbox: %1</source>
        <translation>没有这个沙箱：%1</translation>
    </message>
    <message>
        <source>The engine did not describe the sandbox.</source>
        <translation>引擎没有返回沙箱的信息。</translation>
    </message>
    <message>
        <source>The engine refused to send the log.</source>
        <translation>引擎拒绝发送日志。</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>连接已关闭。</translation>
    </message>
</context>
<context>
    <name>DockerSandboxFiles</name>
    <message>
        <source>The engine refused the request for “%1”.</source>
        <translation>引擎拒绝了对“%1”的请求。</translation>
    </message>
    <message>
        <source>“%1” cannot be written: it is read-only.</source>
        <translation>无法写入“%1”：它是只读的。</translation>
    </message>
    <message>
        <source>No such sandbox.</source>
        <translation>没有这个沙箱。</translation>
    </message>
    <message>
        <source>“%1” does not exist in the sandbox.</source>
        <translation>沙箱中不存在“%1”。</translation>
    </message>
    <message>
        <source>The engine failed to transfer “%1”.</source>
        <translation>引擎传输“%1”失败。</translation>
    </message>
    <message>
        <source>The connection to the engine is closed.</source>
        <translation>与引擎的连接已关闭。</translation>
    </message>
    <message>
        <source>The engine described “%1” in a form not understood.</source>
        <translation>引擎对“%1”的描述无法理解。</translation>
    </message>
    <message>
        <source>Could not store what was downloaded.</source>
        <translation>无法保存已下载的内容。</translation>
    </message>
    <message>
        <source>The sandbox is not running: its files can be uploaded and downloaded, but browsing and changing them needs it running. Start it first.</source>
        <translation>沙箱未在运行：可以上传和下载其文件，但浏览和修改文件需要它处于运行状态。请先启动它。</translation>
    </message>
</context>
<context>
    <name>DockerStats</name>
    <message>
        <source>The engine sent stats that are not JSON.</source>
        <translation>引擎发来的统计数据不是 JSON。</translation>
    </message>
    <message>
        <source>The engine sent a stats line that is too long.</source>
        <translation>引擎发来的一行统计数据过长。</translation>
    </message>
</context>
<context>
    <name>DockerStatsStream</name>
    <message>
        <source>The connection was closed.</source>
        <translation>连接已关闭。</translation>
    </message>
    <message>
        <source>No such sandbox: %1</source>
        <translation>没有这个沙箱：%1</translation>
    </message>
    <message>
        <source>The engine refused to send the sandbox&apos;s stats.</source>
        <translation>引擎拒绝发送该沙箱的统计数据。</translation>
    </message>
</context>
<context>
    <name>EciAccount</name>
    <message>
        <source>The account name may use letters, digits, spaces, “.”, “@”, “_” and “-”, must start with a letter or digit and be at most 64 characters.</source>
        <translation>账号名称可使用字母、数字、空格、“.”、“@”、“_”和“-”，必须以字母或数字开头，最多 64 个字符。</translation>
    </message>
    <message>
        <source>The AccessKey ID is required and may hold only letters, digits, “.”, “_” and “-”.</source>
        <translation>必须填写 AccessKey ID，且只能包含字母、数字、“.”、“_”和“-”。</translation>
    </message>
    <message>
        <source>A default region is required, for example cn-hangzhou.</source>
        <translation>必须指定默认地域，例如 cn-hangzhou。</translation>
    </message>
    <message>
        <source>“%1” is not a region ID such as cn-hangzhou.</source>
        <translation>“%1”不是地域 ID（例如 cn-hangzhou）。</translation>
    </message>
</context>
<context>
    <name>EciBackend</name>
    <message>
        <source>ECI · %1 · %2</source>
        <translation>ECI · %1 · %2</translation>
    </message>
    <message>
        <source>Alibaba Cloud sent a container group list that is not a list.</source>
        <translation>阿里云返回的容器组列表格式不正确。</translation>
    </message>
    <message>
        <source>Alibaba Cloud kept sending further pages of the container group list.</source>
        <translation>阿里云不断返回容器组列表的后续分页，列表无法结束。</translation>
    </message>
    <message>
        <source>Alibaba Cloud created a container group without naming it.</source>
        <translation>阿里云创建了容器组，但没有返回其 ID。</translation>
    </message>
    <message>
        <source>ECI container groups cannot be told to “%1”; they can be restarted or deleted.</source>
        <translation>ECI 容器组不支持“%1”操作；只能重启或删除。</translation>
    </message>
    <message>
        <source>No such container group: %1</source>
        <translation>没有这个容器组：%1</translation>
    </message>
    <message>
        <source>ECI has no image list: a container group pulls its images from the registry when it starts.</source>
        <translation>ECI 没有镜像列表：容器组在启动时从镜像仓库拉取镜像。</translation>
    </message>
    <message>
        <source>ECI cannot pull “%1” ahead of time: a container group pulls its images when it starts.</source>
        <translation>ECI 无法预先拉取“%1”：容器组在启动时拉取镜像。</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>标签(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>EciClient</name>
    <message numerus="yes">
        <source>The ECI endpoint did not answer within %n second(s).</source>
        <translation>
            <numerusform>ECI 接入地址在 %n 秒内没有响应。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not reach the ECI endpoint %1.</source>
        <translation>无法连接 ECI 接入地址 %1。</translation>
    </message>
    <message>
        <source>The ECI endpoint sent a response that is not valid JSON.</source>
        <translation>ECI 接入地址返回的响应不是有效的 JSON。</translation>
    </message>
    <message>
        <source>Alibaba Cloud refused the request because this computer&apos;s clock is off by more than 15 minutes. Correct the system time and try again.</source>
        <translation>阿里云拒绝了请求：这台电脑的时钟偏差超过 15 分钟。请校正系统时间后重试。</translation>
    </message>
    <message>
        <source>Alibaba Cloud refused the request signature: check the AccessKey secret.</source>
        <translation>阿里云拒绝了请求签名：请检查 AccessKey Secret。</translation>
    </message>
    <message>
        <source>Alibaba Cloud does not know this AccessKey ID, or it is disabled.</source>
        <translation>阿里云找不到这个 AccessKey ID，或它已被禁用。</translation>
    </message>
    <message>
        <source>The security token is invalid or has expired.</source>
        <translation>安全令牌无效或已过期。</translation>
    </message>
    <message>
        <source>This AccessKey is not allowed to do this operation.</source>
        <translation>这个 AccessKey 无权执行此操作。</translation>
    </message>
    <message>
        <source>The container group is not in a state that allows this operation.</source>
        <translation>容器组当前的状态不允许执行此操作。</translation>
    </message>
    <message>
        <source>No such container group or resource.</source>
        <translation>容器组或资源不存在。</translation>
    </message>
    <message>
        <source>Alibaba Cloud is throttling requests; try again later.</source>
        <translation>阿里云正在对请求限流，请稍后重试。</translation>
    </message>
    <message>
        <source>Alibaba Cloud failed to process the request.</source>
        <translation>阿里云处理请求失败。</translation>
    </message>
    <message>
        <source>Alibaba Cloud refused the request as invalid.</source>
        <translation>阿里云认为请求无效，已拒绝。</translation>
    </message>
    <message>
        <source>Alibaba Cloud refused the request.</source>
        <translation>阿里云拒绝了请求。</translation>
    </message>
    <message>
        <source>The ECI endpoint &quot;%1&quot; is not a host, host:port or http(s) URL.</source>
        <translation>ECI 接入地址“%1”不是主机名、主机:端口或 http/https 地址。</translation>
    </message>
    <message>
        <source>No Alibaba Cloud AccessKey is configured.</source>
        <translation>尚未配置阿里云 AccessKey。</translation>
    </message>
    <message numerus="yes">
        <source>Alibaba Cloud is throttling requests; retrying in %n s.</source>
        <translation>
            <numerusform>阿里云正在对请求限流，%n 秒后重试。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The ECI endpoint sent an answer larger than %n MiB; it was refused.</source>
        <translation>
            <numerusform>ECI 端点发送的响应超过 %n MiB，已拒绝。</numerusform>
        </translation>
    </message>
    <message>
        <source>The ECI endpoint redirected the call to %1; it was not followed, as the call carries its signature and security token.</source>
        <translation>ECI 端点将调用重定向到 %1；由于调用带有签名和安全令牌，未跟随该重定向。</translation>
    </message>
    <message>
        <source>Alibaba Cloud asked to wait %1 s before trying again; SandboxDesk waits %2 s at most.</source>
        <translation>阿里云要求等待 %1 秒后再重试；SandboxDesk 最多等待 %2 秒。</translation>
    </message>
</context>
<context>
    <name>EciExecSession</name>
    <message>
        <source>This command is longer than ECI allows (%1 parts of %2 characters) and cannot be sent through a terminal; run it without a terminal.</source>
        <translation>此命令超出了 ECI 允许的长度（%1 段，每段 %2 个字符），无法通过终端发送；请不使用终端运行。</translation>
    </message>
    <message>
        <source>This command is longer than ECI allows (%1 parts of %2 characters) and can only be sent with standard input open.</source>
        <translation>此命令超出了 ECI 允许的长度（%1 段，每段 %2 个字符），只能在标准输入打开时发送。</translation>
    </message>
    <message>
        <source>Alibaba Cloud did not open the command in the container: %1</source>
        <translation>阿里云未能在容器中启动该命令：%1</translation>
    </message>
    <message>
        <source>Alibaba Cloud did not return a usable terminal address.</source>
        <translation>阿里云未返回可用的终端地址。</translation>
    </message>
    <message>
        <source>Could not connect to the container group&apos;s terminal.</source>
        <translation>无法连接到容器组的终端。</translation>
    </message>
    <message>
        <source>The container group sent a malformed terminal frame.</source>
        <translation>容器组发送了格式错误的终端帧。</translation>
    </message>
    <message>
        <source>The container group sent an exit status that cannot be read.</source>
        <translation>容器组发送的退出状态无法读取。</translation>
    </message>
    <message>
        <source>The command could not run in the container.</source>
        <translation>该命令无法在容器中运行。</translation>
    </message>
    <message>
        <source>The container group refused the terminal connection: its address was used already or has expired.</source>
        <translation>容器组拒绝了终端连接：该地址已被使用或已过期。</translation>
    </message>
    <message>
        <source>The connection to the container group was lost before the command ended; the command may still be running.</source>
        <translation>命令结束前与容器组的连接已断开；该命令可能仍在运行。</translation>
    </message>
    <message>
        <source>The session was closed.</source>
        <translation>会话已关闭。</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>连接已关闭。</translation>
    </message>
</context>
<context>
    <name>EciJson</name>
    <message>
        <source>A container group name may use lower-case letters, digits and “-”, must start and end with a letter or digit and be 2 to 128 characters long.</source>
        <translation>容器组名称只能包含小写字母、数字和“-”，必须以字母或数字开头和结尾，长度为 2 到 128 个字符。</translation>
    </message>
    <message>
        <source>ECI does not remove a container group by itself when it stops.</source>
        <translation>ECI 不会在容器组停止时自动删除它。</translation>
    </message>
    <message>
        <source>ECI allows at most %1 tags on a container group.</source>
        <translation>ECI 的一个容器组最多只能有 %1 个标签。</translation>
    </message>
    <message>
        <source>ECI cannot map port %1 to %2: a container group exposes its containers&apos; ports as they are.</source>
        <translation>ECI 无法将端口 %1 映射到 %2：容器组按原样暴露其容器的端口。</translation>
    </message>
    <message>
        <source>The restart policy must be Always, OnFailure or Never.</source>
        <translation>重启策略必须是 Always、OnFailure 或 Never。</translation>
    </message>
    <message>
        <source>A container group keeps its own network; it cannot use “%1”.</source>
        <translation>容器组使用自己的网络，不能使用“%1”。</translation>
    </message>
    <message>
        <source>“%1” is not a zone ID such as cn-hangzhou-h.</source>
        <translation>“%1”不是可用区 ID（例如 cn-hangzhou-h）。</translation>
    </message>
    <message>
        <source>“%1” is not a vSwitch ID such as vsw-bp1234abcd.</source>
        <translation>“%1”不是交换机 ID（例如 vsw-bp1234abcd）。</translation>
    </message>
    <message>
        <source>“%1” is not a security group ID such as sg-bp1234abcd.</source>
        <translation>“%1”不是安全组 ID（例如 sg-bp1234abcd）。</translation>
    </message>
</context>
<context>
    <name>EciLogStream</name>
    <message>
        <source>The ECI connection is gone.</source>
        <translation>ECI 连接已不存在。</translation>
    </message>
    <message>
        <source>No such container group, or it has no containers: %1</source>
        <translation>没有这个容器组，或者它没有容器：%1</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>连接已关闭。</translation>
    </message>
</context>
<context>
    <name>EciStatsStream</name>
    <message>
        <source>The connection was closed.</source>
        <translation>连接已关闭。</translation>
    </message>
</context>
<context>
    <name>Endpoint</name>
    <message>
        <source>No address given.</source>
        <translation>未提供地址。</translation>
    </message>
    <message>
        <source>“%1” is not a valid address.</source>
        <translation>“%1”不是有效的地址。</translation>
    </message>
    <message>
        <source>The socket path is empty.</source>
        <translation>套接字路径为空。</translation>
    </message>
    <message>
        <source>The host name is empty.</source>
        <translation>主机名为空。</translation>
    </message>
    <message>
        <source>Unsupported address scheme “%1”.</source>
        <translation>不支持的地址协议“%1”。</translation>
    </message>
</context>
<context>
    <name>ExecProbe</name>
    <message>
        <source>This sandbox cannot run commands.</source>
        <translation>此沙箱无法运行命令。</translation>
    </message>
</context>
<context>
    <name>ExecSandboxFiles</name>
    <message>
        <source>Could not run a command in the sandbox: %1</source>
        <translation>无法在沙箱中运行命令：%1</translation>
    </message>
    <message>
        <source>The sandbox sent a download that cannot be read.</source>
        <translation>沙箱发来的下载内容无法读取。</translation>
    </message>
    <message>
        <source>Could not write the download: %1</source>
        <translation>无法写入下载内容：%1</translation>
    </message>
    <message>
        <source>tar could not pack “%1” in the sandbox.</source>
        <translation>tar 无法在沙箱中打包“%1”。</translation>
    </message>
    <message>
        <source>The sandbox stopped reading the upload.</source>
        <translation>沙箱停止了读取上传内容。</translation>
    </message>
    <message>
        <source>The connection to the sandbox&apos;s host was closed.</source>
        <translation>与沙箱所在主机的连接已关闭。</translation>
    </message>
    <message>
        <source>The sandbox is paused: its files can be browsed and copied only while it runs. Resume it first.</source>
        <translation>沙箱已暂停：只有在运行时才能浏览和复制其文件。请先恢复它。</translation>
    </message>
    <message>
        <source>The sandbox is not running: its files can be browsed and copied only while it runs. Start it first.</source>
        <translation>沙箱未在运行：只有在运行时才能浏览和复制其文件。请先启动它。</translation>
    </message>
    <message>
        <source>“%1” is not an absolute path in the sandbox.</source>
        <translation>“%1”不是沙箱中的绝对路径。</translation>
    </message>
    <message>
        <source>This sandbox cannot run commands, so its files cannot be reached.</source>
        <translation>此沙箱无法运行命令，因此无法访问其文件。</translation>
    </message>
    <message>
        <source>The sandbox sent more than %1 MiB for one listing; it was stopped.</source>
        <translation>沙箱为一次列出发送了超过 %1 MiB 的数据，已将其停止。</translation>
    </message>
    <message>
        <source>“%1” does not exist in the sandbox.</source>
        <translation>沙箱中不存在“%1”。</translation>
    </message>
    <message>
        <source>Permission denied for “%1”.</source>
        <translation>没有访问“%1”的权限。</translation>
    </message>
    <message>
        <source>“%1” is not a folder.</source>
        <translation>“%1”不是文件夹。</translation>
    </message>
    <message>
        <source>“%1” already exists.</source>
        <translation>“%1”已存在。</translation>
    </message>
    <message>
        <source>The folder “%1” is not empty.</source>
        <translation>文件夹“%1”不为空。</translation>
    </message>
    <message>
        <source>The sandbox&apos;s image has no “%1” command, which this needs.</source>
        <translation>沙箱的镜像中没有此操作所需的“%1”命令。</translation>
    </message>
    <message>
        <source>The sandbox has no shell (/bin/sh) to run file commands with.</source>
        <translation>沙箱中没有用于运行文件命令的 shell（/bin/sh）。</translation>
    </message>
    <message>
        <source>“%1” is on a read-only file system.</source>
        <translation>“%1”位于只读文件系统上。</translation>
    </message>
    <message>
        <source>The sandbox has no space left on its disk.</source>
        <translation>沙箱的磁盘空间已满。</translation>
    </message>
    <message>
        <source>The command on “%1” failed in the sandbox.</source>
        <translation>在沙箱中对“%1”执行的命令失败。</translation>
    </message>
    <message>
        <source>The sandbox sent a listing of “%1” that cannot be read.</source>
        <translation>沙箱发来的“%1”的列表无法读取。</translation>
    </message>
    <message>
        <source>The sandbox sent a description of “%1” that cannot be read.</source>
        <translation>沙箱发来的“%1”的信息无法读取。</translation>
    </message>
    <message>
        <source>The sandbox sent search results under “%1” that cannot be read.</source>
        <translation>沙箱发来的“%1”下的搜索结果无法读取。</translation>
    </message>
    <message>
        <source>The sandbox sent a count of “%1” that cannot be read.</source>
        <translation>沙箱发来的“%1”的计数无法读取。</translation>
    </message>
</context>
<context>
    <name>ExecdAddress</name>
    <message>
        <source>The OpenSandbox server gave an execd address that cannot be used.</source>
        <translation>OpenSandbox 服务器给出的 execd 地址无法使用。</translation>
    </message>
</context>
<context>
    <name>ExecdClient</name>
    <message>
        <source>The OpenSandbox connection is gone.</source>
        <translation>OpenSandbox 连接已不存在。</translation>
    </message>
    <message>
        <source>The sandbox&apos;s execd does not answer; is the sandbox running?</source>
        <translation>沙箱的 execd 没有应答；沙箱是否正在运行？</translation>
    </message>
</context>
<context>
    <name>ExecdPtySession</name>
    <message>
        <source>execd stopped the terminal session.</source>
        <translation>execd 停止了该终端会话。</translation>
    </message>
    <message>
        <source>Could not open the terminal session in execd.</source>
        <translation>无法在 execd 中打开终端会话。</translation>
    </message>
    <message>
        <source>Another client took over this terminal session; its shell goes on there.</source>
        <translation>另一个客户端接管了此终端会话；其 shell 在那里继续运行。</translation>
    </message>
    <message>
        <source>The connection to the terminal session was lost before its shell ended.</source>
        <translation>在 shell 结束之前，与终端会话的连接已断开。</translation>
    </message>
</context>
<context>
    <name>FilePreview</name>
    <message>
        <source>Only files can be previewed.</source>
        <translation>只能预览文件。</translation>
    </message>
    <message>
        <source>The files of this sandbox cannot be read.</source>
        <translation>无法读取此沙箱中的文件。</translation>
    </message>
    <message>
        <source>The image is too large to preview (%1).</source>
        <translation>图片太大，无法预览（%1）。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>This is a link to “%1”.</source>
        <translation>这是指向“%1”的链接。</translation>
    </message>
    <message>
        <source>This looks like a binary file (%1); it is not shown as text.</source>
        <translation>这似乎是二进制文件（%1），不以文本显示。</translation>
    </message>
    <message>
        <source>The image could not be read: %1</source>
        <translation>无法读取图片：%1</translation>
    </message>
    <message>
        <source>showing the first %1 of %2</source>
        <translation>仅显示前 %1（共 %2）</translation>
    </message>
    <message>
        <source>lines longer than %L1 characters are cut</source>
        <translation>超过 %L1 个字符的行已截断</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Wrap</source>
        <translation>自动换行</translation>
    </message>
    <message>
        <source>Wrap long lines</source>
        <translation>长行自动换行</translation>
    </message>
    <message>
        <source>Close the preview</source>
        <translation>关闭预览</translation>
    </message>
    <message>
        <source>“%1” was deleted in the sandbox since you opened it.</source>
        <translation>自您打开以来，“%1”已在沙箱中被删除。</translation>
    </message>
    <message>
        <source>“%1” was changed in the sandbox since you opened it.</source>
        <translation>自您打开以来，“%1”已在沙箱中被修改。</translation>
    </message>
    <message>
        <source>File Changed</source>
        <translation>文件已更改</translation>
    </message>
    <message>
        <source>Saving replaces what is there now with your version.</source>
        <translation>保存将用您的版本替换沙箱中现有的内容。</translation>
    </message>
    <message>
        <source>Save Anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <source>The sandbox is gone.</source>
        <translation>该沙箱已不存在。</translation>
    </message>
    <message>
        <source>A temporary copy could not be written: %1</source>
        <translation>无法写入临时副本：%1</translation>
    </message>
    <message>
        <source>Not Saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>“%1” could not be saved.</source>
        <translation>无法保存“%1”。</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Change this file and save it back to the sandbox</source>
        <translation>修改此文件并保存回沙箱</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save (%1)</source>
        <translation>保存（%1）</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Forget the changes</source>
        <translation>放弃所做的修改</translation>
    </message>
</context>
<context>
    <name>FileTransfer</name>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The sandbox&apos;s files are no longer available.</source>
        <translation>该沙箱的文件已不可用。</translation>
    </message>
    <message>
        <source>“%1” does not exist.</source>
        <translation>“%1”不存在。</translation>
    </message>
    <message>
        <source>Skipped “%1”: it exists already.</source>
        <translation>已跳过“%1”：它已存在。</translation>
    </message>
</context>
<context>
    <name>FilesWindow</name>
    <message>
        <source>Files — %1</source>
        <translation>文件 — %1</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上一级</translation>
    </message>
    <message>
        <source>Go to the enclosing folder</source>
        <translation>转到上一级文件夹</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>List the folder again</source>
        <translation>重新列出此文件夹</translation>
    </message>
    <message>
        <source>Edit Path</source>
        <translation>编辑路径</translation>
    </message>
    <message>
        <source>Type a path</source>
        <translation>输入路径</translation>
    </message>
    <message>
        <source>New Folder…</source>
        <translation>新建文件夹…</translation>
    </message>
    <message>
        <source>Make a folder here</source>
        <translation>在此处新建文件夹</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Rename the selected item</source>
        <translation>重命名所选项目</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Delete the selected items</source>
        <translation>删除所选项目</translation>
    </message>
    <message>
        <source>Permissions…</source>
        <translation>权限…</translation>
    </message>
    <message>
        <source>Change the permissions of the selected item</source>
        <translation>更改所选项目的权限</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Show the start of the selected file</source>
        <translation>显示所选文件的开头部分</translation>
    </message>
    <message>
        <source>Close Preview</source>
        <translation>关闭预览</translation>
    </message>
    <message>
        <source>Hidden Files</source>
        <translation>隐藏文件</translation>
    </message>
    <message>
        <source>Show names that start with a dot</source>
        <translation>显示以点开头的名称</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Stop Waiting</source>
        <translation>停止等待</translation>
    </message>
    <message>
        <source>The files of this sandbox cannot be listed.</source>
        <translation>无法列出此沙箱中的文件。</translation>
    </message>
    <message>
        <source>Listing “%1”…</source>
        <translation>正在列出“%1”…</translation>
    </message>
    <message>
        <source>Stopped waiting for the listing of “%1”. It may still be slow.</source>
        <translation>已停止等待“%1”的列表。沙箱可能仍然响应缓慢。</translation>
    </message>
    <message>
        <source>“%1” could not be listed: %2</source>
        <translation>无法列出“%1”：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hidden</source>
        <translation>
            <numerusform>%n 项隐藏</numerusform>
        </translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>新建文件夹</translation>
    </message>
    <message>
        <source>Name of the new folder in “%1”:</source>
        <translation>在“%1”中新建的文件夹名称：</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>“%1” cannot be a folder&apos;s name.</source>
        <translation>“%1”不能用作文件夹名称。</translation>
    </message>
    <message>
        <source>“%1” cannot be a name: a name has no “/” and is not “.” or “..”.</source>
        <translation>“%1”不能用作名称：名称不能包含“/”，也不能是“.”或“..”。</translation>
    </message>
    <message>
        <source>The items to delete could not be counted.</source>
        <translation>无法统计要删除的项目。</translation>
    </message>
    <message numerus="yes">
        <source>Delete “%1” and %n item(s) inside?</source>
        <translation>
            <numerusform>删除“%1”及其中的 %n 个项目？</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>删除“%1”？</translation>
    </message>
    <message numerus="yes">
        <source>Delete %1 selected items and %n item(s) inside them?</source>
        <translation>
            <numerusform>删除所选的 %1 个项目及其中的 %n 个项目？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n selected item(s)?</source>
        <translation>
            <numerusform>删除所选的 %n 个项目？</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Deleted files cannot be restored.</source>
        <translation>删除的文件无法恢复。</translation>
    </message>
    <message>
        <source>Some items could not be deleted.</source>
        <translation>部分项目无法删除。</translation>
    </message>
    <message>
        <source>Change Permissions</source>
        <translation>更改权限</translation>
    </message>
    <message>
        <source>%1 failed for “%2”.</source>
        <translation>对“%2”的“%1”操作失败。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>已保存“%1”。</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Discard your changes to “%1”?</source>
        <translation>放弃您对“%1”所做的修改？</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Save or discard your changes to “%1” first.</source>
        <translation>请先保存或放弃您对“%1”所做的修改。</translation>
    </message>
    <message>
        <source>Upload Files…</source>
        <translation>上传文件…</translation>
    </message>
    <message>
        <source>Copy files from this computer here</source>
        <translation>将本机的文件复制到此处</translation>
    </message>
    <message>
        <source>Upload Folder…</source>
        <translation>上传文件夹…</translation>
    </message>
    <message>
        <source>Copy a folder from this computer here</source>
        <translation>将本机的文件夹复制到此处</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>下载…</translation>
    </message>
    <message>
        <source>Copy the selected items to a folder on this computer</source>
        <translation>将所选项目复制到本机的文件夹</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>传输</translation>
    </message>
    <message>
        <source>Upload a Folder to “%1”</source>
        <translation>上传文件夹到“%1”</translation>
    </message>
    <message>
        <source>Upload Files to “%1”</source>
        <translation>上传文件到“%1”</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>Download to a Folder</source>
        <translation>下载到文件夹</translation>
    </message>
    <message>
        <source>Download Here</source>
        <translation>下载到此处</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Search options</source>
        <translation>搜索选项</translation>
    </message>
    <message>
        <source>&amp;Case Sensitive</source>
        <translation>区分大小写(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Regular Expression</source>
        <translation>正则表达式(&amp;R)</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Previous match (%1)</source>
        <translation>上一个匹配（%1）</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Next match (%1)</source>
        <translation>下一个匹配（%1）</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>关闭查找栏（Esc）</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>无匹配</translation>
    </message>
    <message numerus="yes">
        <source>%Ln matches</source>
        <translation>
            <numerusform>%Ln 个匹配</numerusform>
        </translation>
    </message>
    <message>
        <source>%L1 of %L2</source>
        <translation>第 %L1 个，共 %L2 个</translation>
    </message>
</context>
<context>
    <name>HttpClient</name>
    <message>
        <source>Cannot reach the engine at %1.</source>
        <translation>无法连接到位于 %1 的引擎。</translation>
    </message>
    <message>
        <source>No valid address.</source>
        <translation>没有有效的地址。</translation>
    </message>
    <message>
        <source>The socket does not exist.</source>
        <translation>套接字不存在。</translation>
    </message>
    <message>
        <source>Nothing is listening on the socket.</source>
        <translation>没有程序在该套接字上监听。</translation>
    </message>
    <message>
        <source>Permission denied; the socket may need membership of its group (for Docker: docker).</source>
        <translation>权限不足；可能需要加入该套接字所属的用户组（Docker 为 docker 组）。</translation>
    </message>
</context>
<context>
    <name>HttpReply</name>
    <message>
        <source>The engine did not switch protocols.</source>
        <translation>引擎没有切换协议。</translation>
    </message>
    <message>
        <source>The engine sent a malformed response (%1).</source>
        <translation>引擎返回了格式错误的响应（%1）。</translation>
    </message>
    <message>
        <source>Unexpected protocol switch.</source>
        <translation>意外的协议切换。</translation>
    </message>
    <message>
        <source>The connection closed before the engine answered.</source>
        <translation>引擎应答之前连接已关闭。</translation>
    </message>
    <message>
        <source>The connection closed in the middle of a response.</source>
        <translation>接收响应的过程中连接已关闭。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message numerus="yes">
        <source>The engine at %1 did not accept the connection within %n s.</source>
        <translation>
            <numerusform>位于 %1 的引擎未在 %n 秒内接受连接。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The engine stopped sending in the middle of a response (nothing for %n s).</source>
        <translation>
            <numerusform>引擎在响应中途停止发送数据（%n 秒内没有收到任何内容）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The engine did not answer within %n s.</source>
        <translation>
            <numerusform>引擎未在 %n 秒内响应。</numerusform>
        </translation>
    </message>
    <message>
        <source>The answers from %1 being read at once would hold more than %2 MiB together; this one was stopped.</source>
        <translation>同时读取的来自 %1 的应答合计将超过 %2 MiB；已停止这一个。</translation>
    </message>
    <message>
        <source>The answer from %1 is larger than %2 MiB, the most one request may hold.</source>
        <translation>来自 %1 的应答大于 %2 MiB，即单个请求最多可保存的大小。</translation>
    </message>
</context>
<context>
    <name>IdleCheck</name>
    <message>
        <source>The connection is gone.</source>
        <translation>连接已不存在。</translation>
    </message>
    <message>
        <source>open terminals cannot be seen on this connection</source>
        <translation>此连接无法看到打开的终端</translation>
    </message>
    <message>
        <source>a terminal or command is open</source>
        <translation>有终端或命令处于打开状态</translation>
    </message>
    <message>
        <source>a job is running</source>
        <translation>有作业正在运行</translation>
    </message>
    <message>
        <source>its CPU use cannot be measured on this connection</source>
        <translation>此连接无法测量其 CPU 使用率</translation>
    </message>
    <message>
        <source>it stopped while it was measured</source>
        <translation>测量期间它已停止</translation>
    </message>
    <message>
        <source>Its CPU use could not be measured.</source>
        <translation>无法测量其 CPU 使用率。</translation>
    </message>
    <message>
        <source>its CPU use is %1%</source>
        <translation>其 CPU 使用率为 %1%</translation>
    </message>
    <message>
        <source>not watched idle for long enough yet</source>
        <translation>尚未观察到其空闲足够长的时间</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>JobCommandActions</name>
    <message>
        <source>The command of job %1 cannot be run again: %2</source>
        <translation>作业 %1 的命令无法再次运行：%2</translation>
    </message>
    <message>
        <source>The command could not be started again in %1: %2</source>
        <translation>无法在 %1 中再次启动该命令：%2</translation>
    </message>
    <message>
        <source>Started again in %1 as job %2.</source>
        <translation>已在 %1 中作为作业 %2 再次启动。</translation>
    </message>
    <message>
        <source>The command was copied.</source>
        <translation>命令已复制。</translation>
    </message>
    <message>
        <source>Run &amp;Again</source>
        <translation>再次运行(&amp;A)</translation>
    </message>
    <message>
        <source>Start the same command line in the same sandbox as a new job</source>
        <translation>在同一沙箱中以新作业启动相同的命令行</translation>
    </message>
    <message>
        <source>&amp;Copy Command</source>
        <translation>复制命令(&amp;C)</translation>
    </message>
</context>
<context>
    <name>JobOutput</name>
    <message>
        <source>There is no such job.</source>
        <translation>没有这个作业。</translation>
    </message>
    <message>
        <source>The job stopped without an exit status; the sandbox may have restarted.</source>
        <translation>作业已停止，但没有退出状态；沙箱可能已重启。</translation>
    </message>
    <message>
        <source>The job&apos;s output could not be read.</source>
        <translation>无法读取作业的输出。</translation>
    </message>
    <message>
        <source>This sandbox cannot run commands.</source>
        <translation>此沙箱无法运行命令。</translation>
    </message>
    <message>
        <source>The connection is gone.</source>
        <translation>连接已不存在。</translation>
    </message>
    <message>
        <source>The sandbox no longer keeps this job&apos;s output.</source>
        <translation>沙箱已不再保留此作业的输出。</translation>
    </message>
</context>
<context>
    <name>JobTableModel</name>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Exited with %1</source>
        <translation>已退出，退出码 %1</translation>
    </message>
    <message>
        <source>Killed (%1)</source>
        <translation>已终止（%1）</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>已丢失</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>启动时间</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <source>The jobs could not be listed: %1</source>
        <translation>无法列出作业：%1</translation>
    </message>
    <message>
        <source>Output of job %1:</source>
        <translation>作业 %1 的输出：</translation>
    </message>
    <message>
        <source>The output of job %1 could not be read: %2</source>
        <translation>无法读取作业 %1 的输出：%2</translation>
    </message>
    <message>
        <source>Output of job %1 (ended):</source>
        <translation>作业 %1 的输出（已结束）：</translation>
    </message>
    <message>
        <source>Stopping job %1…</source>
        <translation>正在停止作业 %1…</translation>
    </message>
    <message>
        <source>Job %1 was not stopped: %2</source>
        <translation>作业 %1 未能停止：%2</translation>
    </message>
    <message>
        <source>Job %1 was stopped.</source>
        <translation>作业 %1 已停止。</translation>
    </message>
    <message>
        <source>Job %1 was not removed: %2</source>
        <translation>作业 %1 未能删除：%2</translation>
    </message>
    <message>
        <source>Job %1 and its output were removed.</source>
        <translation>作业 %1 及其输出已删除。</translation>
    </message>
    <message>
        <source>Select a job and follow it to see its output.</source>
        <translation>选择一个作业并跟随，即可查看其输出。</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Follow Output</source>
        <translation>跟随输出(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Kill</source>
        <translation>终止(&amp;K)</translation>
    </message>
    <message>
        <source>TERM to the job&apos;s processes, then KILL 2 seconds later</source>
        <translation>向作业的进程发送 TERM，2 秒后发送 KILL</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>删除(&amp;M)</translation>
    </message>
    <message>
        <source>Forget an ended job and its output</source>
        <translation>删除已结束的作业及其输出</translation>
    </message>
</context>
<context>
    <name>LogBuffer</name>
    <message>
        <source>Cannot create a temporary file for the log (%1); the oldest lines are dropped.</source>
        <translation>无法为日志创建临时文件（%1）；最早的日志行将被丢弃。</translation>
    </message>
    <message>
        <source>Cannot write the log to a temporary file (%1); the oldest lines are dropped.</source>
        <translation>无法将日志写入临时文件（%1）；最早的日志行将被丢弃。</translation>
    </message>
    <message>
        <source>The temporary files hold %1 MiB, the most they may; the oldest lines are dropped.</source>
        <translation>临时文件已占用 %1 MiB，达到上限；最早的行将被丢弃。</translation>
    </message>
</context>
<context>
    <name>LogExporter</name>
    <message>
        <source>The export was cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message>
        <source>Cannot write “%1”.</source>
        <translation>无法写入“%1”。</translation>
    </message>
</context>
<context>
    <name>LogSearch</name>
    <message>
        <source>The regular expression is not valid: %1</source>
        <translation>正则表达式无效：%1</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message numerus="yes">
        <source>Jump to latest (%n new lines)</source>
        <translation>
            <numerusform>跳到最新（%n 行新内容）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogWindow</name>
    <message>
        <source>Logs — %1</source>
        <translation>日志 — %1</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>All lines</source>
        <translation>全部行</translation>
    </message>
    <message>
        <source>Last lines:</source>
        <translation>最后几行：</translation>
    </message>
    <message>
        <source>S&amp;ince:</source>
        <translation>起始时间(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Follow</source>
        <translation>跟踪(&amp;F)</translation>
    </message>
    <message>
        <source>Keep showing new output as the sandbox writes it</source>
        <translation>沙箱有新输出时继续显示</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <source>Fetch the logs again with these options</source>
        <translation>按这些选项重新获取日志</translation>
    </message>
    <message>
        <source>Log Toolbar</source>
        <translation>日志工具栏</translation>
    </message>
    <message>
        <source>Search the logs</source>
        <translation>搜索日志</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Show only the lines that match</source>
        <translation>只显示匹配的行</translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation>时间戳</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Show times in UTC instead of local time</source>
        <translation>以 UTC 而非本地时间显示时间</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export &amp;All Lines…</source>
        <translation>导出全部行(&amp;A)…</translation>
    </message>
    <message>
        <source>Export &amp;Matching Lines…</source>
        <translation>导出匹配的行(&amp;M)…</translation>
    </message>
    <message>
        <source>Clear View</source>
        <translation>清空视图</translation>
    </message>
    <message>
        <source>Remove the lines shown so far; new output still appears</source>
        <translation>移除目前显示的行；新的输出仍会出现</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The connection is gone.</source>
        <translation>连接已不存在。</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Following</source>
        <translation>正在跟踪</translation>
    </message>
    <message>
        <source>Paused — the sandbox stopped; resumes when it runs again</source>
        <translation>已暂停 — 沙箱已停止；再次运行时自动继续</translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation>连接已断开：%1</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln lines</source>
        <translation>
            <numerusform>%Ln 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown</source>
        <translation>
            <numerusform>显示 %Ln 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Plain text (*.log *.txt)</source>
        <translation>纯文本 (*.log *.txt)</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Export Matching Lines</source>
        <translation>导出匹配的行</translation>
    </message>
    <message>
        <source>Export Logs</source>
        <translation>导出日志</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>The logs could not be exported.</source>
        <translation>无法导出日志。</translation>
    </message>
    <message>
        <source>The beginning</source>
        <translation>最早</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>最近 5 分钟</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last…</source>
        <translation>最近…</translation>
    </message>
    <message>
        <source>A date and time</source>
        <translation>指定日期和时间</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>stdout and stderr</source>
        <translation>stdout 和 stderr</translation>
    </message>
    <message>
        <source>stdout only</source>
        <translation>仅 stdout</translation>
    </message>
    <message>
        <source>stderr only</source>
        <translation>仅 stderr</translation>
    </message>
    <message>
        <source>Which of the sandbox&apos;s output streams to show</source>
        <translation>要显示沙箱的哪个输出流</translation>
    </message>
    <message>
        <source>Wrap</source>
        <translation>自动换行</translation>
    </message>
    <message>
        <source>Wrap long lines instead of scrolling sideways</source>
        <translation>长行自动换行，而不是横向滚动</translation>
    </message>
    <message>
        <source>Logs — %1 (%2)</source>
        <translation>日志 — %1（%2）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sandboxes</source>
        <translation>沙箱</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Sandbox</source>
        <translation>沙箱(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Show &amp;Connections</source>
        <translation>显示连接列表(&amp;C)</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Show &amp;Details Pane</source>
        <translation>显示详情面板(&amp;D)</translation>
    </message>
    <message>
        <source>Sandbox Not Started</source>
        <translation>沙箱未启动</translation>
    </message>
    <message>
        <source>The sandbox was created but could not be started.</source>
        <translation>沙箱已创建，但无法启动。</translation>
    </message>
    <message>
        <source>About SandboxDesk</source>
        <translation>关于 SandboxDesk</translation>
    </message>
    <message>
        <source>See, start, stop and clean up the sandboxes on your container engines.</source>
        <translation>查看、启动、停止和清理容器引擎上的沙箱。</translation>
    </message>
    <message>
        <source>Built with Qt %1.</source>
        <translation>基于 Qt %1 构建。</translation>
    </message>
    <message>
        <source>Terminals</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Show &amp;Terminals</source>
        <translation>显示终端(&amp;T)</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Change Preferences</source>
        <translation>更改首选项</translation>
    </message>
    <message>
        <source>The account “%1” is not connected: %2</source>
        <translation>账号“%1”未连接：%2</translation>
    </message>
    <message>
        <source>Open Terminal</source>
        <translation>打开终端</translation>
    </message>
    <message>
        <source>Export Logs</source>
        <translation>导出日志</translation>
    </message>
    <message>
        <source>Open Logs</source>
        <translation>打开日志</translation>
    </message>
    <message>
        <source>Open a terminal in which container?</source>
        <translation>在哪个容器中打开终端？</translation>
    </message>
    <message>
        <source>Choose a Container</source>
        <translation>选择容器</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show the logs of which container?</source>
        <translation>显示哪个容器的日志？</translation>
    </message>
    <message>
        <source>Browse the files of which container?</source>
        <translation>要浏览哪个容器的文件？</translation>
    </message>
    <message>
        <source>Browse Files</source>
        <translation>浏览文件</translation>
    </message>
    <message>
        <source>Run commands in which container?</source>
        <translation>在哪个容器中运行命令？</translation>
    </message>
    <message>
        <source>Run Commands</source>
        <translation>运行命令</translation>
    </message>
    <message>
        <source>&amp;Idle Clean-Up for All Its Sandboxes</source>
        <translation>对其所有沙箱进行空闲清理(&amp;I)</translation>
    </message>
    <message>
        <source>Let clean-up remove any sandbox of %1 once it has been idle long enough</source>
        <translation>允许清理在 %1 的任何沙箱空闲足够长时间后将其删除</translation>
    </message>
</context>
<context>
    <name>OpenSandboxBackend</name>
    <message>
        <source>OpenSandbox · %1</source>
        <translation>OpenSandbox · %1</translation>
    </message>
    <message>
        <source>The OpenSandbox server sent a sandbox list without its items.</source>
        <translation>OpenSandbox 服务器返回的沙箱列表中没有条目。</translation>
    </message>
    <message>
        <source>The OpenSandbox server kept sending further pages of the sandbox list.</source>
        <translation>OpenSandbox 服务器不断返回沙箱列表的后续分页。</translation>
    </message>
    <message>
        <source>&amp;Metadata:</source>
        <translation>元数据(&amp;M)：</translation>
    </message>
    <message>
        <source>tail -f /dev/null</source>
        <translation>tail -f /dev/null</translation>
    </message>
    <message>
        <source>The OpenSandbox server created a sandbox without naming it.</source>
        <translation>OpenSandbox 服务器创建了沙箱，但未返回其 ID。</translation>
    </message>
    <message>
        <source>OpenSandbox sandboxes cannot be told to “%1”; they can be paused, resumed, renewed or deleted.</source>
        <translation>OpenSandbox 沙箱不支持“%1”；只能暂停、恢复、续期或删除。</translation>
    </message>
    <message>
        <source>An OpenSandbox server has no image list: a sandbox pulls its image when it is created.</source>
        <translation>OpenSandbox 服务器没有镜像列表：沙箱在创建时拉取其镜像。</translation>
    </message>
    <message>
        <source>An OpenSandbox server cannot pull “%1” ahead of time: a sandbox pulls its image when it is created.</source>
        <translation>OpenSandbox 服务器无法预先拉取“%1”：沙箱在创建时拉取其镜像。</translation>
    </message>
    <message>
        <source>An OpenSandbox sandbox&apos;s lifetime can be renewed but not removed.</source>
        <translation>OpenSandbox 沙箱的有效期可以续期，但不能取消。</translation>
    </message>
</context>
<context>
    <name>OpenSandboxBackgroundCommands</name>
    <message>
        <source>execd did not name the background command.</source>
        <translation>execd 没有给出后台命令的标识。</translation>
    </message>
    <message>
        <source>execd&apos;s answer about a command is not JSON.</source>
        <translation>execd 关于命令的应答不是 JSON。</translation>
    </message>
</context>
<context>
    <name>OpenSandboxClient</name>
    <message>
        <source>The OpenSandbox server sent an answer that is not a JSON object.</source>
        <translation>OpenSandbox 服务器返回的应答不是 JSON 对象。</translation>
    </message>
    <message>
        <source>The OpenSandbox domain “%1” is not a host, host:port or http(s) URL.</source>
        <translation>OpenSandbox 域名“%1”不是主机、主机:端口或 http(s) URL。</translation>
    </message>
    <message>
        <source>No OpenSandbox API key is configured.</source>
        <translation>未配置 OpenSandbox API 密钥。</translation>
    </message>
    <message>
        <source>The OpenSandbox server refused the API key.</source>
        <translation>OpenSandbox 服务器拒绝了该 API 密钥。</translation>
    </message>
    <message>
        <source>This API key is not allowed to do this on the OpenSandbox server.</source>
        <translation>此 API 密钥无权在该 OpenSandbox 服务器上执行此操作。</translation>
    </message>
    <message>
        <source>No such sandbox on the OpenSandbox server.</source>
        <translation>OpenSandbox 服务器上没有这个沙箱。</translation>
    </message>
    <message>
        <source>The sandbox is not in a state that allows this operation.</source>
        <translation>沙箱当前的状态不允许此操作。</translation>
    </message>
    <message>
        <source>The OpenSandbox server failed to process the request.</source>
        <translation>OpenSandbox 服务器处理请求失败。</translation>
    </message>
    <message>
        <source>The OpenSandbox server refused the request as invalid.</source>
        <translation>OpenSandbox 服务器认为请求无效并拒绝了它。</translation>
    </message>
    <message>
        <source>Cannot reach the OpenSandbox server at %1.</source>
        <translation>无法连接到位于 %1 的 OpenSandbox 服务器。</translation>
    </message>
    <message>
        <source>The OpenSandbox server at %1 did not answer in time.</source>
        <translation>位于 %1 的 OpenSandbox 服务器未能及时应答。</translation>
    </message>
    <message>
        <source>The OpenSandbox server at %1 sent a malformed answer.</source>
        <translation>位于 %1 的 OpenSandbox 服务器返回了格式错误的应答。</translation>
    </message>
</context>
<context>
    <name>OpenSandboxExecSession</name>
    <message>
        <source>The OpenSandbox connection is gone.</source>
        <translation>OpenSandbox 连接已不存在。</translation>
    </message>
    <message>
        <source>[OpenSandbox runs this command without a terminal; typed input is not passed on.]
</source>
        <translation>[OpenSandbox 在没有终端的情况下运行此命令；键入的内容不会传给它。]
</translation>
    </message>
    <message numerus="yes">
        <source>execd sent an event larger than %n MiB.</source>
        <translation>
            <numerusform>execd 发送的事件超过了 %n MiB。</numerusform>
        </translation>
    </message>
    <message>
        <source>The command&apos;s output stream ended before the command started.</source>
        <translation>命令启动之前，其输出流就已结束。</translation>
    </message>
    <message>
        <source>execd could not run the command.</source>
        <translation>execd 无法运行该命令。</translation>
    </message>
    <message>
        <source>[execd opens terminals as its own user only: this command runs as %1 without a terminal, and typed input is not passed on.]
</source>
        <translation>[execd 只能以其自身的用户打开终端：此命令以 %1 身份在没有终端的情况下运行，键入的内容不会传给它。]
</translation>
    </message>
    <message>
        <source>[This sandbox&apos;s execd has no terminal sessions: the command runs without a terminal, and typed input is not passed on.]
</source>
        <translation>[此沙箱的 execd 没有终端会话：命令在没有终端的情况下运行，键入的内容不会传给它。]
</translation>
    </message>
    <message>
        <source>execd did not name the terminal session.</source>
        <translation>execd 没有给出终端会话的名称。</translation>
    </message>
</context>
<context>
    <name>OpenSandboxFiles</name>
    <message>
        <source>The OpenSandbox connection is gone.</source>
        <translation>OpenSandbox 连接已不存在。</translation>
    </message>
    <message>
        <source>The sandbox is not running: its execd cannot answer.</source>
        <translation>沙箱未在运行：其 execd 无法应答。</translation>
    </message>
    <message>
        <source>No such file or folder: %1</source>
        <translation>没有这个文件或文件夹：%1</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 不是文件夹。</translation>
    </message>
    <message>
        <source>%1 exists already.</source>
        <translation>%1 已存在。</translation>
    </message>
    <message>
        <source>%1 is a folder that is not empty.</source>
        <translation>%1 是非空文件夹。</translation>
    </message>
    <message>
        <source>Could not store what was downloaded.</source>
        <translation>无法保存已下载的内容。</translation>
    </message>
    <message>
        <source>Could not download %1.</source>
        <translation>无法下载 %1。</translation>
    </message>
    <message>
        <source>%1 became shorter while it was downloaded.</source>
        <translation>%1 在下载过程中变短了。</translation>
    </message>
    <message>
        <source>“%1” is a folder; a file cannot replace it.</source>
        <translation>“%1”是一个文件夹，不能用文件替换它。</translation>
    </message>
</context>
<context>
    <name>OpenSandboxJson</name>
    <message>
        <source>An OpenSandbox name is kept as metadata: at most 63 letters, digits, “-”, “_” and “.”, starting and ending with a letter or digit.</source>
        <translation>OpenSandbox 的名称保存为元数据：最多 63 个字母、数字、“-”、“_”和“.”，并以字母或数字开头和结尾。</translation>
    </message>
    <message>
        <source>Metadata key “%1” uses the prefix opensandbox.io/, which the server keeps for itself.</source>
        <translation>元数据键“%1”使用了服务器保留的前缀 opensandbox.io/。</translation>
    </message>
    <message>
        <source>Metadata key “%1” is not a valid label name.</source>
        <translation>元数据键“%1”不是有效的标签名。</translation>
    </message>
    <message>
        <source>Metadata value “%1” of “%2” is not a valid label value: at most 63 letters, digits, “-”, “_” and “.”.</source>
        <translation>“%2”的元数据值“%1”不是有效的标签值：最多 63 个字母、数字、“-”、“_”和“.”。</translation>
    </message>
    <message>
        <source>The metadata “name” and the name differ; an OpenSandbox name is that metadata.</source>
        <translation>元数据“name”与名称不一致；OpenSandbox 的名称就是该元数据。</translation>
    </message>
    <message>
        <source>An OpenSandbox lifetime is from %1 seconds to %2 seconds (a day), or none.</source>
        <translation>OpenSandbox 的有效期为 %1 秒到 %2 秒（一天），或不设有效期。</translation>
    </message>
    <message>
        <source>OpenSandbox has no working directory for the entry process.</source>
        <translation>OpenSandbox 不支持为入口进程设置工作目录。</translation>
    </message>
    <message>
        <source>OpenSandbox chooses a sandbox&apos;s network itself; it cannot use “%1”.</source>
        <translation>OpenSandbox 自行决定沙箱的网络，无法使用“%1”。</translation>
    </message>
    <message>
        <source>OpenSandbox publishes no ports when it creates a sandbox; ask for a port&apos;s endpoint instead.</source>
        <translation>OpenSandbox 创建沙箱时不发布端口；请改为查询端口的访问地址。</translation>
    </message>
    <message>
        <source>OpenSandbox removes a sandbox when its lifetime ends; give it a lifetime instead.</source>
        <translation>OpenSandbox 会在有效期结束时删除沙箱；请改为设置有效期。</translation>
    </message>
</context>
<context>
    <name>OpenSandboxLogStream</name>
    <message>
        <source>The OpenSandbox connection is gone.</source>
        <translation>OpenSandbox 连接已不存在。</translation>
    </message>
    <message>
        <source>The OpenSandbox server sent a log that is not text.</source>
        <translation>OpenSandbox 服务器返回的日志不是文本。</translation>
    </message>
</context>
<context>
    <name>OpenSandboxServer</name>
    <message>
        <source>The server name may use letters, digits, spaces, “.”, “@”, “_” and “-”, must start with a letter or digit and be at most 64 characters.</source>
        <translation>服务器名称可以使用字母、数字、空格、“.”、“@”、“_”和“-”，必须以字母或数字开头，最多 64 个字符。</translation>
    </message>
    <message>
        <source>The protocol is http or https.</source>
        <translation>协议为 http 或 https。</translation>
    </message>
    <message>
        <source>The domain is required, for example localhost:8080.</source>
        <translation>必须填写域名，例如 localhost:8080。</translation>
    </message>
</context>
<context>
    <name>OpenSandboxServerEditor</name>
    <message>
        <source>Add OpenSandbox Server</source>
        <translation>添加 OpenSandbox 服务器</translation>
    </message>
    <message>
        <source>Edit OpenSandbox Server</source>
        <translation>编辑 OpenSandbox 服务器</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Domain:</source>
        <translation>域名(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Protocol:</source>
        <translation>协议(&amp;P)：</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>Kept in the keychain</source>
        <translation>保存在钥匙串中</translation>
    </message>
    <message>
        <source>Unchanged unless you type a new one</source>
        <translation>不输入新密钥则保持不变</translation>
    </message>
    <message>
        <source>Reach commands and files through the server&apos;s &amp;proxy</source>
        <translation>通过服务器代理(&amp;P)访问命令和文件</translation>
    </message>
    <message>
        <source>For servers whose sandboxes cannot be reached from this computer directly.</source>
        <translation>适用于本机无法直接访问其沙箱的服务器。</translation>
    </message>
    <message>
        <source>Keep for this &amp;session only (the key stays in memory and is forgotten when SandboxDesk quits)</source>
        <translation>仅在本次会话(&amp;S)中保留（密钥只保存在内存中，退出 SandboxDesk 后即被清除）</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>A server named “%1” exists already.</source>
        <translation>名为“%1”的服务器已存在。</translation>
    </message>
    <message>
        <source>The API key is required.</source>
        <translation>必须填写 API 密钥。</translation>
    </message>
    <message>
        <source>Type the API key again to keep it elsewhere.</source>
        <translation>若要更改密钥的保存位置，请重新输入 API 密钥。</translation>
    </message>
    <message>
        <source>Saving in the keychain…</source>
        <translation>正在保存到钥匙串…</translation>
    </message>
    <message>
        <source>The server was not saved: %1
You can keep it for this session only.</source>
        <translation>服务器未保存：%1
您可以仅在本次会话中保留它。</translation>
    </message>
    <message>
        <source>The server was not saved: %1</source>
        <translation>服务器未保存：%1</translation>
    </message>
</context>
<context>
    <name>OpenSandboxServersPanel</name>
    <message>
        <source>OpenSandbox servers</source>
        <translation>OpenSandbox 服务器</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>域名</translation>
    </message>
    <message>
        <source>Commands and files</source>
        <translation>命令和文件</translation>
    </message>
    <message>
        <source>API key kept in</source>
        <translation>API 密钥保存于</translation>
    </message>
    <message>
        <source>Add &amp;Server…</source>
        <translation>添加服务器(&amp;S)…</translation>
    </message>
    <message>
        <source>Edit Ser&amp;ver…</source>
        <translation>编辑服务器(&amp;V)…</translation>
    </message>
    <message>
        <source>Remove Serve&amp;r</source>
        <translation>删除服务器(&amp;R)</translation>
    </message>
    <message>
        <source>Import from &amp;OPEN_SANDBOX_DOMAIN</source>
        <translation>从 OPEN_SANDBOX_DOMAIN 导入(&amp;O)</translation>
    </message>
    <message>
        <source>Takes the server and key the OpenSandbox SDKs read from OPEN_SANDBOX_DOMAIN and OPEN_SANDBOX_API_KEY.</source>
        <translation>采用 OpenSandbox SDK 从 OPEN_SANDBOX_DOMAIN 和 OPEN_SANDBOX_API_KEY 读取的服务器和密钥。</translation>
    </message>
    <message>
        <source>Through the server</source>
        <translation>经由服务器</translation>
    </message>
    <message>
        <source>Directly</source>
        <translation>直接连接</translation>
    </message>
    <message>
        <source>Memory (this session)</source>
        <translation>内存（本次会话）</translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation>钥匙串</translation>
    </message>
    <message>
        <source>Saved “%1”; its sandboxes appear in the list once the server answers.</source>
        <translation>已保存“%1”；服务器应答后，其沙箱将显示在列表中。</translation>
    </message>
    <message>
        <source>Neither OPEN_SANDBOX_DOMAIN nor OPEN_SANDBOX_API_KEY is set in SandboxDesk&apos;s environment.</source>
        <translation>SandboxDesk 的环境中既没有设置 OPEN_SANDBOX_DOMAIN，也没有设置 OPEN_SANDBOX_API_KEY。</translation>
    </message>
    <message>
        <source>Remove OpenSandbox Server</source>
        <translation>删除 OpenSandbox 服务器</translation>
    </message>
    <message>
        <source>Remove “%1” and its API key? Its sandboxes stay on the server.</source>
        <translation>要删除“%1”及其 API 密钥吗？其沙箱仍保留在服务器上。</translation>
    </message>
    <message>
        <source>“%1” was removed, but its API key could not be removed from the keychain: %2</source>
        <translation>已删除“%1”，但无法从钥匙串中删除其 API 密钥：%2</translation>
    </message>
    <message>
        <source>Removed “%1” and its API key.</source>
        <translation>已删除“%1”及其 API 密钥。</translation>
    </message>
</context>
<context>
    <name>OpenSandboxStatsStream</name>
    <message>
        <source>The OpenSandbox connection is gone.</source>
        <translation>OpenSandbox 连接已不存在。</translation>
    </message>
    <message>
        <source>execd sent a metrics line that is too long.</source>
        <translation>execd 发来的一行指标过长。</translation>
    </message>
</context>
<context>
    <name>OpenSandboxUpload</name>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>There is no archive to upload.</source>
        <translation>没有要上传的归档。</translation>
    </message>
    <message>
        <source>Left out what execd cannot make (links and special files): %1</source>
        <translation>已略过 execd 无法创建的条目（链接和特殊文件）：%1</translation>
    </message>
    <message>
        <source>The archive is damaged.</source>
        <translation>归档已损坏。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>execd answered before %1 was sent whole.</source>
        <translation>%1 尚未发送完整，execd 就已作答。</translation>
    </message>
    <message>
        <source>The archive ended in the middle of an entry.</source>
        <translation>归档在某个条目中途结束。</translation>
    </message>
</context>
<context>
    <name>OperationProgress</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PackageManagers</name>
    <message>
        <source>No package manager was found in this sandbox: none of apt-get with dpkg-query, apk, pip3, pip or npm is on its PATH.</source>
        <translation>在此沙箱中未找到包管理器：其 PATH 中没有 apt-get（及 dpkg-query）、apk、pip3、pip 或 npm。</translation>
    </message>
    <message>
        <source>Name at least one package.</source>
        <translation>请至少指定一个软件包。</translation>
    </message>
    <message>
        <source>A package name is empty.</source>
        <translation>有一个软件包名称为空。</translation>
    </message>
    <message>
        <source>“%1” is not a package name: it begins with “-”.</source>
        <translation>“%1”不是软件包名称：它以“-”开头。</translation>
    </message>
    <message>
        <source>“%1” is not a package name: it holds a blank or a control character.</source>
        <translation>“%1”不是软件包名称：其中含有空白或控制字符。</translation>
    </message>
    <message>
        <source>%1 did not list its packages in time.</source>
        <translation>%1 未能及时列出其软件包。</translation>
    </message>
    <message>
        <source>%1 printed more than SandboxDesk reads.</source>
        <translation>%1 输出的内容超出了 SandboxDesk 的读取上限。</translation>
    </message>
    <message>
        <source>%1 failed with exit code %2.</source>
        <translation>%1 失败，退出码为 %2。</translation>
    </message>
    <message>
        <source>%1 printed something SandboxDesk cannot read.</source>
        <translation>%1 输出了 SandboxDesk 无法读取的内容。</translation>
    </message>
</context>
<context>
    <name>PackageTableModel</name>
    <message>
        <source>Package</source>
        <translation>软件包</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
</context>
<context>
    <name>PackagesPanel</name>
    <message>
        <source>The connection is gone.</source>
        <translation>连接已不存在。</translation>
    </message>
    <message>
        <source>Looking for package managers in the sandbox…</source>
        <translation>正在沙箱中查找包管理器…</translation>
    </message>
    <message>
        <source>Could not look for package managers: %1</source>
        <translation>无法查找包管理器：%1</translation>
    </message>
    <message>
        <source>Listing the packages of %1…</source>
        <translation>正在列出 %1 的软件包…</translation>
    </message>
    <message>
        <source>Could not list the packages: %1</source>
        <translation>无法列出软件包：%1</translation>
    </message>
    <message>
        <source>Packages installed with %1: %2</source>
        <translation>用 %1 安装的软件包：%2 个</translation>
    </message>
    <message>
        <source>Packages installed with %1: %2, of which %3 match the filter</source>
        <translation>用 %1 安装的软件包：%2 个，其中 %3 个符合筛选条件</translation>
    </message>
    <message>
        <source>Installing %1 with %2…</source>
        <translation>正在用 %2 安装 %1…</translation>
    </message>
    <message>
        <source>Removing %1 with %2…</source>
        <translation>正在用 %2 卸载 %1…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Could not run: %1</source>
        <translation>无法运行：%1</translation>
    </message>
    <message>
        <source>Cancelled · exit code %1 · %2</source>
        <translation>已取消 · 退出码 %1 · %2</translation>
    </message>
    <message>
        <source>Exit code %1 · %2</source>
        <translation>退出码 %1 · %2</translation>
    </message>
    <message>
        <source>&amp;Manager:</source>
        <translation>管理器(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Look for the package managers again and list their packages</source>
        <translation>重新查找包管理器并列出其软件包</translation>
    </message>
    <message>
        <source>Filter by name or version</source>
        <translation>按名称或版本筛选</translation>
    </message>
    <message>
        <source>&amp;Packages:</source>
        <translation>软件包(&amp;P)：</translation>
    </message>
    <message>
        <source>names to install, separated by blanks, e.g. curl jq</source>
        <translation>要安装的软件包名称，以空格分隔，例如 curl jq</translation>
    </message>
    <message>
        <source>&amp;Install</source>
        <translation>安装(&amp;I)</translation>
    </message>
    <message>
        <source>Install the named packages (apt runs apt-get update first)</source>
        <translation>安装所列的软件包（apt 会先运行 apt-get update）</translation>
    </message>
    <message>
        <source>Re&amp;move Selected</source>
        <translation>卸载所选(&amp;M)</translation>
    </message>
    <message>
        <source>Remove the packages selected in the list</source>
        <translation>卸载列表中选中的软件包</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Stop the package manager and everything it started: TERM, then KILL 2 seconds later</source>
        <translation>停止包管理器及其启动的所有进程：先发 TERM，2 秒后发 KILL</translation>
    </message>
    <message>
        <source>Remove Packages</source>
        <translation>删除软件包</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n package(s) with %1 from the sandbox “%2”?</source>
        <translation>
            <numerusform>用 %1 从沙箱“%2”中删除 %n 个软件包吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… 以及另外 %1 个</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>PathBar</name>
    <message>
        <source>Type a path and press Enter</source>
        <translation>输入路径后按 Enter 键</translation>
    </message>
    <message>
        <source>Edit the path (%1)</source>
        <translation>编辑路径（%1）</translation>
    </message>
</context>
<context>
    <name>PermissionsDialog</name>
    <message>
        <source>Change Permissions</source>
        <translation>更改权限</translation>
    </message>
    <message>
        <source>Permissions of “%1”:</source>
        <translation>“%1”的权限：</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>写入</translation>
    </message>
    <message>
        <source>Execute</source>
        <translation>执行</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>其他用户</translation>
    </message>
    <message>
        <source>Special</source>
        <translation>特殊权限</translation>
    </message>
    <message>
        <source>Set user ID</source>
        <translation>设置用户 ID</translation>
    </message>
    <message>
        <source>Set group ID</source>
        <translation>设置组 ID</translation>
    </message>
    <message>
        <source>Sticky</source>
        <translation>粘滞位</translation>
    </message>
    <message>
        <source>&amp;Octal:</source>
        <translation>八进制(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>“%1” is not an engine address.</source>
        <translation>“%1”不是引擎地址。</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>跟随系统（%1）</translation>
    </message>
    <message>
        <source>&amp;Ask before deleting sandboxes</source>
        <translation>删除沙箱前先确认(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Start new sandboxes after creating them</source>
        <translation>新建沙箱后立即启动(&amp;S)</translation>
    </message>
    <message>
        <source>Docker Engines</source>
        <translation>Docker 引擎</translation>
    </message>
    <message>
        <source>Besides the engine found like the docker CLI finds it (DOCKER_HOST, the current context, the default socket), SandboxDesk connects to these addresses:</source>
        <translation>除了按 docker 命令行的方式找到的引擎（DOCKER_HOST、当前上下文、默认套接字）之外，SandboxDesk 还会连接以下地址：</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>添加(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>for example tcp://host:2375 or ssh://user@host</source>
        <translation>例如 tcp://host:2375 或 ssh://user@host</translation>
    </message>
    <message>
        <source>Session Log Folder</source>
        <translation>会话日志文件夹</translation>
    </message>
    <message>
        <source>Choose a folder for the session logs.</source>
        <translation>请为会话日志选择一个文件夹。</translation>
    </message>
    <message>
        <source>The session-log folder must be a full path.</source>
        <translation>会话日志文件夹必须是完整路径。</translation>
    </message>
    <message>
        <source>Choose at least one format for the session logs.</source>
        <translation>请为会话日志至少选择一种格式。</translation>
    </message>
    <message>
        <source>Log &amp;memory per window:</source>
        <translation>每个窗口的日志内存(&amp;M)：</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Older lines of a bigger log move to a temporary file, removed with the window</source>
        <translation>日志超出此大小时，较早的行移入临时文件，窗口关闭时删除</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Use the system&apos;s &amp;fixed-width font</source>
        <translation>使用系统的等宽字体(&amp;F)</translation>
    </message>
    <message>
        <source>F&amp;ont:</source>
        <translation>字体(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>字号(&amp;S)：</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <source>Lines of &amp;history:</source>
        <translation>历史行数(&amp;H)：</translation>
    </message>
    <message>
        <source>Let programs set the &amp;clipboard (OSC 52)</source>
        <translation>允许程序设置剪贴板（OSC 52）(&amp;C)</translation>
    </message>
    <message>
        <source>Blin&amp;king cursor when the program asks for one</source>
        <translation>按程序要求闪烁光标(&amp;K)</translation>
    </message>
    <message>
        <source>Session Logs</source>
        <translation>会话日志</translation>
    </message>
    <message>
        <source>Save a &amp;log of every session when it ends or its tab closes</source>
        <translation>在每个会话结束或其标签页关闭时保存会话日志(&amp;L)</translation>
    </message>
    <message>
        <source>Fol&amp;der:</source>
        <translation>文件夹(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Plain &amp;text</source>
        <translation>纯文本(&amp;T)</translation>
    </message>
    <message>
        <source>HT&amp;ML</source>
        <translation>HT&amp;ML</translation>
    </message>
    <message>
        <source>&amp;asciicast</source>
        <translation>&amp;asciicast</translation>
    </message>
    <message>
        <source>Remove e&amp;xpired sandboxes every:</source>
        <translation>自动删除已到期沙箱的间隔(&amp;X)：</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Record &amp;keystrokes in session logs and exports</source>
        <translation>在会话日志和导出中记录按键(&amp;K)</translation>
    </message>
    <message>
        <source>What you type, passwords at prompts that do not echo included; off, only what the terminal showed is kept</source>
        <translation>您输入的内容，包括在不回显的提示处输入的密码；关闭时只保留终端显示过的内容</translation>
    </message>
    <message>
        <source>…and sandboxes opted in to idle clean-up, idle &amp;for:</source>
        <translation>……以及已允许空闲清理、空闲时长达到(&amp;F)：</translation>
    </message>
    <message>
        <source>Only sandboxes (or connections) you chose Idle Clean-Up for; idle is no terminal, command or job open and CPU below the threshold, or stopped</source>
        <translation>仅限您选择了“空闲清理”的沙箱（或连接）；空闲指没有打开的终端、命令或作业且 CPU 低于阈值，或已停止</translation>
    </message>
    <message>
        <source>Idle &amp;means CPU below:</source>
        <translation>空闲指 CPU 低于(&amp;M)：</translation>
    </message>
    <message>
        <source> % of a core</source>
        <translation> % 单核</translation>
    </message>
</context>
<context>
    <name>PreviewText</name>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8（带 BOM）</translation>
    </message>
    <message>
        <source>Latin-1 (not valid UTF-8, shown byte by byte)</source>
        <translation>Latin-1（不是有效的 UTF-8，按字节显示）</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>二进制</translation>
    </message>
</context>
<context>
    <name>RemoteFileModel</name>
    <message>
        <source>The listing was abandoned.</source>
        <translation>已放弃列出。</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>修改时间</translation>
    </message>
</context>
<context>
    <name>ResourceCharts</name>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>No measurements yet. Live figures come while the sandbox runs and is shown.</source>
        <translation>尚无测量数据。沙箱运行且显示时才会有实时数据。</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>in %1, out %2</source>
        <translation>接收 %1，发送 %2</translation>
    </message>
    <message>
        <source>Block I/O</source>
        <translation>块 I/O</translation>
    </message>
    <message>
        <source>read %1, written %2</source>
        <translation>读取 %1，写入 %2</translation>
    </message>
</context>
<context>
    <name>Run</name>
    <message>
        <source>The process did not end after it was stopped; SandboxDesk no longer follows it.</source>
        <translation>进程在被停止后仍未结束；SandboxDesk 不再跟踪它。</translation>
    </message>
    <message>
        <source>There is no command to run.</source>
        <translation>没有要运行的命令。</translation>
    </message>
    <message>
        <source>This sandbox cannot run commands.</source>
        <translation>此沙箱无法运行命令。</translation>
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <source>Write a script to run.</source>
        <translation>请编写要运行的脚本。</translation>
    </message>
    <message>
        <source>Type a command to run.</source>
        <translation>请输入要运行的命令。</translation>
    </message>
    <message>
        <source>“%1” is not NAME=VALUE.</source>
        <translation>“%1”不是 NAME=VALUE 形式。</translation>
    </message>
    <message>
        <source>“%1” is not a time limit such as 30s, 10m or 2h.</source>
        <translation>“%1”不是有效的时间限制，例如 30s、10m 或 2h。</translation>
    </message>
    <message>
        <source>The connection is gone.</source>
        <translation>连接已不存在。</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Starting the job…</source>
        <translation>正在启动作业…</translation>
    </message>
    <message>
        <source>The job was not started: %1</source>
        <translation>作业未能启动：%1</translation>
    </message>
    <message>
        <source>Started job %1; it runs on in the sandbox.</source>
        <translation>已启动作业 %1；它会在沙箱中继续运行。</translation>
    </message>
    <message>
        <source>Could not run: %1</source>
        <translation>无法运行：%1</translation>
    </message>
    <message>
        <source>Stopped after its time limit of %1 · exit code %2 · %3</source>
        <translation>已在时间限制 %1 后停止 · 退出码 %2 · %3</translation>
    </message>
    <message>
        <source>Cancelled · exit code %1 · %2</source>
        <translation>已取消 · 退出码 %1 · %2</translation>
    </message>
    <message>
        <source>Exit code %1 · %2</source>
        <translation>退出码 %1 · %2</translation>
    </message>
    <message>
        <source>&amp;Run:</source>
        <translation>运行(&amp;R)：</translation>
    </message>
    <message>
        <source>A command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>A script (sh, or its #! line)</source>
        <translation>脚本（由 sh 或其 #! 行执行）</translation>
    </message>
    <message>
        <source>for example: ls -la /tmp</source>
        <translation>例如：ls -la /tmp</translation>
    </message>
    <message>
        <source>#!/bin/sh
set -e
echo hello</source>
        <translation>#!/bin/sh
set -e
echo hello</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>the sandbox&apos;s own working folder</source>
        <translation>沙箱自身的工作文件夹</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>环境变量(&amp;E)：</translation>
    </message>
    <message>
        <source>NAME=value NAME2=&apos;with spaces&apos;</source>
        <translation>NAME=value NAME2=&apos;含空格的值&apos;</translation>
    </message>
    <message>
        <source>&amp;Time limit:</source>
        <translation>时间限制(&amp;T)：</translation>
    </message>
    <message>
        <source>none; for example 30s, 10m, 2h</source>
        <translation>无；例如 30s、10m、2h</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Start as &amp;Job</source>
        <translation>作为作业启动(&amp;J)</translation>
    </message>
    <message>
        <source>Start the command in the background; it runs on when this window closes</source>
        <translation>在后台启动命令；关闭此窗口后它仍会继续运行</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Stop the process and everything it started: TERM, then KILL 2 seconds later</source>
        <translation>停止该进程及其启动的一切：先发送 TERM，2 秒后发送 KILL</translation>
    </message>
    <message>
        <source>Cop&amp;y Output</source>
        <translation>复制输出(&amp;Y)</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清除(&amp;L)</translation>
    </message>
    <message>
        <source>Looking for %1 in the sandbox…</source>
        <translation>正在沙箱中查找 %1…</translation>
    </message>
    <message>
        <source>This sandbox has no %1: none of %2 was found.</source>
        <translation>此沙箱中没有 %1：%2 均未找到。</translation>
    </message>
    <message>
        <source>%1 found at %2</source>
        <translation>已找到 %1：%2</translation>
    </message>
    <message>
        <source>Running with %1…</source>
        <translation>正在运行（%1）…</translation>
    </message>
    <message>
        <source>Code (Python, Node.js or sh found in the sandbox)</source>
        <translation>代码（使用沙箱中找到的 Python、Node.js 或 sh）</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Export the Output</source>
        <translation>导出输出</translation>
    </message>
    <message>
        <source>Plain text (*.txt *.log)</source>
        <translation>纯文本 (*.txt *.log)</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>The output was saved to %1.</source>
        <translation>输出已保存到 %1。</translation>
    </message>
    <message>
        <source>The output was not saved: %1</source>
        <translation>输出未保存：%1</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>Save the output as text, or as JSON lines with each chunk&apos;s stream and time</source>
        <translation>将输出保存为文本，或保存为 JSON Lines（每段附带其流和时间）</translation>
    </message>
</context>
<context>
    <name>RunWindow</name>
    <message>
        <source>Run in %1</source>
        <translation>在 %1 中运行</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>软件包</translation>
    </message>
</context>
<context>
    <name>Sandbox</name>
    <message>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Restarting</source>
        <translation>正在重启</translation>
    </message>
    <message>
        <source>Removing</source>
        <translation>正在删除</translation>
    </message>
    <message>
        <source>Exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>已失效</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 CPU</source>
        <translation>%1 核</translation>
    </message>
    <message>
        <source>memory out of range</source>
        <translation>内存超出范围</translation>
    </message>
</context>
<context>
    <name>SandboxCommands</name>
    <message>
        <source>Delete the sandbox “%1”? This cannot be undone.</source>
        <translation>删除沙箱“%1”？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete these %1 sandboxes? This cannot be undone.</source>
        <translation>删除这 %1 个沙箱？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete Sandboxes</source>
        <translation>删除沙箱</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… 以及另外 %1 个</translation>
    </message>
    <message>
        <source>Also remove running ones (force)</source>
        <translation>同时删除正在运行的沙箱（强制）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Operation Failed</source>
        <translation>操作失败</translation>
    </message>
    <message>
        <source>“%1” failed for %2 of %3 sandboxes.</source>
        <translation>“%1”操作在 %3 个沙箱中有 %2 个失败。</translation>
    </message>
    <message>
        <source>Renew Sandboxes</source>
        <translation>续期沙箱</translation>
    </message>
    <message numerus="yes">
        <source>Keep %n sandbox(es) for this long from now (for example 90m, 12h or 2d):</source>
        <translation>
            <numerusform>将这 %n 个沙箱从现在起保留多久（例如 90m、12h 或 2d）：</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is not a duration such as 90m, 12h or 2d.</source>
        <translation>“%1”不是有效的时长，例如 90m、12h 或 2d。</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>续期</translation>
    </message>
    <message>
        <source>Clean Up</source>
        <translation>清理</translation>
    </message>
    <message>
        <source>Allow Idle Clean-Up</source>
        <translation>允许空闲清理</translation>
    </message>
    <message>
        <source>Stop Idle Clean-Up</source>
        <translation>停止空闲清理</translation>
    </message>
    <message>
        <source>Allow Idle Clean-Up for the Connection</source>
        <translation>对连接允许空闲清理</translation>
    </message>
    <message>
        <source>Stop Idle Clean-Up for the Connection</source>
        <translation>对连接停止空闲清理</translation>
    </message>
    <message>
        <source>Idle Clean-Up</source>
        <translation>空闲清理</translation>
    </message>
</context>
<context>
    <name>SandboxDetails</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Running for %1</source>
        <translation>已运行 %1</translation>
    </message>
    <message>
        <source>Exited (code %1)</source>
        <translation>已退出（退出码 %1）</translation>
    </message>
    <message>
        <source>Exited (code %1) just now</source>
        <translation>刚刚退出（退出码 %1）</translation>
    </message>
    <message>
        <source>Exited (code %1) %2 ago</source>
        <translation>%2前退出（退出码 %1）</translation>
    </message>
</context>
<context>
    <name>SandboxFiles</name>
    <message>
        <source>This sandbox cannot promise to keep the owners of uploaded files.</source>
        <translation>此沙箱无法保证保留上传文件的所有者。</translation>
    </message>
</context>
<context>
    <name>SandboxJobs</name>
    <message>
        <source>There is no job “%1” in this sandbox.</source>
        <translation>此沙箱中没有作业“%1”。</translation>
    </message>
    <message>
        <source>A job “%1” exists already.</source>
        <translation>作业“%1”已存在。</translation>
    </message>
    <message>
        <source>Job “%1” is still running; stop it first.</source>
        <translation>作业“%1”仍在运行；请先停止它。</translation>
    </message>
    <message>
        <source>The job could not be started in the sandbox (it needs a writable /tmp).</source>
        <translation>无法在沙箱中启动作业（需要可写的 /tmp）。</translation>
    </message>
    <message>
        <source>Job “%1” stopped without an exit status; the sandbox may have restarted.</source>
        <translation>作业“%1”已停止，但没有退出状态；沙箱可能已重启。</translation>
    </message>
    <message>
        <source>The command in the sandbox failed.</source>
        <translation>沙箱中的命令失败。</translation>
    </message>
    <message>
        <source>This sandbox cannot run commands.</source>
        <translation>此沙箱无法运行命令。</translation>
    </message>
    <message>
        <source>“%1” is not a job id.</source>
        <translation>“%1”不是作业 ID。</translation>
    </message>
    <message>
        <source>There is no command to run.</source>
        <translation>没有要运行的命令。</translation>
    </message>
    <message>
        <source>The sandbox did not confirm the job.</source>
        <translation>沙箱没有确认该作业。</translation>
    </message>
    <message>
        <source>The sandbox sent no exit status.</source>
        <translation>沙箱没有发送退出状态。</translation>
    </message>
    <message>
        <source>The connection is gone.</source>
        <translation>连接已不存在。</translation>
    </message>
    <message>
        <source>The sandbox ended job “%1” without an exit status.</source>
        <translation>沙箱结束了作业“%1”，但没有给出退出状态。</translation>
    </message>
</context>
<context>
    <name>SandboxSpec</name>
    <message>
        <source>An image is required.</source>
        <translation>必须指定镜像。</translation>
    </message>
    <message>
        <source>The image name must not contain spaces.</source>
        <translation>镜像名称不能包含空格。</translation>
    </message>
    <message>
        <source>The name may use letters, digits, “_”, “.” and “-”, must start with a letter or digit and be 2 to 128 characters long.</source>
        <translation>名称只能使用字母、数字、“_”、“.”和“-”，必须以字母或数字开头，长度为 2 到 128 个字符。</translation>
    </message>
    <message>
        <source>Environment entry “%1” is not KEY=VALUE.</source>
        <translation>环境变量“%1”不是 KEY=VALUE 格式。</translation>
    </message>
    <message>
        <source>CPUs must be between 0 (no limit) and 1024.</source>
        <translation>CPU 数必须在 0（不限制）到 1024 之间。</translation>
    </message>
    <message>
        <source>Memory must be at least 6 MiB, or empty for no limit.</source>
        <translation>内存至少为 6 MiB，留空表示不限制。</translation>
    </message>
    <message>
        <source>The working directory must be an absolute path.</source>
        <translation>工作目录必须是绝对路径。</translation>
    </message>
</context>
<context>
    <name>SandboxTableModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>资源限制</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Expires %1</source>
        <translation>到期时间：%1</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已到期</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Time Left</source>
        <translation>剩余时间</translation>
    </message>
</context>
<context>
    <name>SandboxTableView</name>
    <message>
        <source>Search by name, image or ID</source>
        <translation>按名称、镜像或 ID 搜索</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message numerus="yes">
        <source>%n sandbox(es) shown</source>
        <translation>
            <numerusform>显示 %n 个沙箱</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sandbox(es) shown · of the %1 measured: CPU %2 %, memory %3</source>
        <translation>
            <numerusform>显示 %n 个沙箱 · 已测量的 %1 个合计：CPU %2 %，内存 %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionExporter</name>
    <message>
        <source>Terminal session</source>
        <translation>终端会话</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The recording could not be read.</source>
        <translation>无法读取会话记录。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
</context>
<context>
    <name>SharedFile</name>
    <message>
        <source>Cannot make the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Another program holds %1.</source>
        <translation>另一个程序正占用 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>ShellWords</name>
    <message>
        <source>The command ends in a backslash with nothing after it.</source>
        <translation>命令以反斜杠结尾，其后没有内容。</translation>
    </message>
    <message>
        <source>A single quote (&apos;) is not closed.</source>
        <translation>单引号（&apos;）没有闭合。</translation>
    </message>
    <message>
        <source>A double quote (&quot;) is not closed.</source>
        <translation>双引号（&quot;）没有闭合。</translation>
    </message>
</context>
<context>
    <name>SshMultiplexer</name>
    <message>
        <source>No private folder for the ssh control sockets could be made in %1.</source>
        <translation>无法在 %1 中创建存放 ssh 控制套接字的私有文件夹。</translation>
    </message>
    <message>
        <source>ssh ended without saying why.</source>
        <translation>ssh 已退出，未说明原因。</translation>
    </message>
    <message>
        <source>Could not log in to %1 over ssh: %2</source>
        <translation>无法通过 ssh 登录到 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Could not log in to %1 over ssh: no answer within %n s.</source>
        <translation>
            <numerusform>无法通过 ssh 登录到 %1：%n 秒内没有应答。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusSummary</name>
    <message>
        <source>Sandboxes: %1 · Running: %2</source>
        <translation>沙箱：%1 · 运行中：%2</translation>
    </message>
    <message>
        <source>Shown: %1</source>
        <translation>显示：%1</translation>
    </message>
    <message>
        <source>Engine %1</source>
        <translation>引擎 %1</translation>
    </message>
    <message>
        <source>%1: engine %2</source>
        <translation>%1：引擎 %2</translation>
    </message>
</context>
<context>
    <name>TarExtractor</name>
    <message>
        <source>Refused “%1”: it would be written through the symbolic link “%2”.</source>
        <translation>已拒绝“%1”：它将通过符号链接“%2”写入。</translation>
    </message>
    <message>
        <source>Refused “%1”: “%2” is not a folder.</source>
        <translation>已拒绝“%1”：“%2”不是文件夹。</translation>
    </message>
    <message>
        <source>Could not open the folder “%1”: %2</source>
        <translation>无法打开文件夹“%1”：%2</translation>
    </message>
    <message>
        <source>Could not write “%1”: %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The archive is damaged: %1</source>
        <translation>归档已损坏：%1</translation>
    </message>
    <message>
        <source>Refused “%1”: a folder of that name exists.</source>
        <translation>已拒绝“%1”：已存在同名文件夹。</translation>
    </message>
    <message>
        <source>a FIFO</source>
        <translation>FIFO（命名管道）</translation>
    </message>
    <message>
        <source>a device node</source>
        <translation>设备节点</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>of an unknown type</source>
        <translation>未知类型</translation>
    </message>
    <message>
        <source>Skipped “%1”: it is %2.</source>
        <translation>已跳过“%1”：它是%2。</translation>
    </message>
    <message>
        <source>Refused “%1”: something that is not a folder has that name.</source>
        <translation>已拒绝“%1”：已有同名的非文件夹项。</translation>
    </message>
    <message>
        <source>Refused the hard link “%1”: its target “%2” is outside the folder.</source>
        <translation>已拒绝硬链接“%1”：其目标“%2”在文件夹之外。</translation>
    </message>
    <message>
        <source>Refused the hard link “%1”: its target “%2” is not a file extracted here.</source>
        <translation>已拒绝硬链接“%1”：其目标“%2”不是在此解压的文件。</translation>
    </message>
    <message>
        <source>Cannot open the folder “%1”: %2</source>
        <translation>无法打开文件夹“%1”：%2</translation>
    </message>
    <message>
        <source>Refused an entry without a name.</source>
        <translation>已拒绝一个没有名称的条目。</translation>
    </message>
    <message>
        <source>Refused “%1”: absolute names are not extracted.</source>
        <translation>已拒绝“%1”：不解压绝对路径名称。</translation>
    </message>
    <message>
        <source>Refused “%1”: names with “..” are not extracted.</source>
        <translation>已拒绝“%1”：不解压含“..”的名称。</translation>
    </message>
</context>
<context>
    <name>TarHeadSink</name>
    <message>
        <source>The archive holds no file.</source>
        <translation>归档中没有文件。</translation>
    </message>
    <message>
        <source>The archive is damaged.</source>
        <translation>归档已损坏。</translation>
    </message>
    <message>
        <source>The archive ended early.</source>
        <translation>归档意外结束。</translation>
    </message>
</context>
<context>
    <name>TarPacker</name>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Could not write the archive: %1</source>
        <translation>无法写入归档：%1</translation>
    </message>
    <message>
        <source>Cannot read “%1”: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <source>Left out “%1”: only files, folders and symbolic links are uploaded.</source>
        <translation>已略过“%1”：只上传文件、文件夹和符号链接。</translation>
    </message>
    <message>
        <source>Cannot read the folder “%1”: %2</source>
        <translation>无法读取文件夹“%1”：%2</translation>
    </message>
</context>
<context>
    <name>TerminalSession</name>
    <message>
        <source>The connection was removed.</source>
        <translation>该连接已被移除。</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>This connection cannot open terminals.</source>
        <translation>此连接无法打开终端。</translation>
    </message>
    <message>
        <source>The session ended (exit code %1).</source>
        <translation>会话已结束（退出码 %1）。</translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation>连接已断开：%1</translation>
    </message>
</context>
<context>
    <name>TerminalTab</name>
    <message>
        <source>Export Failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>The session could not be exported.

%1</source>
        <translation>无法导出会话。

%1</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Export Session</source>
        <translation>导出会话(&amp;E)</translation>
    </message>
    <message>
        <source>As &amp;Plain Text…</source>
        <translation>导出为纯文本(&amp;P)…</translation>
    </message>
    <message>
        <source>As &amp;HTML…</source>
        <translation>导出为 HTML(&amp;H)…</translation>
    </message>
    <message>
        <source>As &amp;asciicast…</source>
        <translation>导出为 asciicast(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>重新连接(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Move to Own Window</source>
        <translation>移到独立窗口(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Move Back to Tabs</source>
        <translation>移回标签页(&amp;M)</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>关闭(&amp;L)</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>重新连接</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <source>asciicast files (*.cast)</source>
        <translation>asciicast 文件 (*.cast)</translation>
    </message>
    <message>
        <source>Export Session</source>
        <translation>导出会话</translation>
    </message>
    <message>
        <source>An export of this session is already running.</source>
        <translation>此会话已有一个导出正在进行。</translation>
    </message>
    <message>
        <source>The export could not be started.</source>
        <translation>无法开始导出。</translation>
    </message>
</context>
<context>
    <name>TerminalTabs</name>
    <message>
        <source>Terminal menu</source>
        <translation>终端菜单</translation>
    </message>
</context>
<context>
    <name>TerminalView</name>
    <message>
        <source>Find in terminal</source>
        <translation>在终端中查找</translation>
    </message>
    <message>
        <source>Ctrl+click to open %1</source>
        <translation>按住 Ctrl 单击以打开 %1</translation>
    </message>
</context>
<context>
    <name>TransfersPanel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>↓ %1</source>
        <translation>↓ %1</translation>
    </message>
    <message>
        <source>↑ %1</source>
        <translation>↑ %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>item %1 of %2</source>
        <translation>第 %1 项，共 %2 项</translation>
    </message>
    <message>
        <source>Waiting for your answer about “%1”…</source>
        <translation>正在等待您对“%1”的选择…</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>已完成：%1</translation>
    </message>
    <message numerus="yes">
        <source>Done; %n item(s) left out</source>
        <translation>
            <numerusform>已完成；%n 个项目未传输</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Cancelled; nothing of it was kept.</source>
        <translation>已取消；未保留任何内容。</translation>
    </message>
    <message>
        <source>A folder named “%1” is already there.</source>
        <translation>已存在名为“%1”的文件夹。</translation>
    </message>
    <message>
        <source>A file named “%1” is already there.</source>
        <translation>已存在名为“%1”的文件。</translation>
    </message>
    <message>
        <source>Name Already Used</source>
        <translation>名称已被使用</translation>
    </message>
    <message>
        <source>Overwrite merges the folders; files with the same name are replaced.</source>
        <translation>覆盖将合并文件夹，同名文件将被替换。</translation>
    </message>
    <message>
        <source>Overwrite replaces the file that is there.</source>
        <translation>覆盖将替换现有的文件。</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <source>Keep Both</source>
        <translation>保留两者</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Do the same for the other names already there</source>
        <translation>对其余已存在的名称执行相同操作</translation>
    </message>
    <message>
        <source>No transfers yet. Drop files on the list to upload.</source>
        <translation>暂无传输。将文件拖放到列表上即可上传。</translation>
    </message>
    <message numerus="yes">
        <source>%n transfer(s)</source>
        <translation>
            <numerusform>%n 个传输</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>清除已结束的</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>账号(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>Create a sandbox (%1)</source>
        <translation>创建沙箱（%1）</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>启动(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>重启(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>恢复(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Refresh &amp;Details</source>
        <translation>刷新详情(&amp;D)</translation>
    </message>
    <message>
        <source>Show &amp;Logs</source>
        <translation>显示日志(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Activity Log</source>
        <translation>活动日志(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;About SandboxDesk</source>
        <translation>关于 SandboxDesk(&amp;A)</translation>
    </message>
    <message>
        <source>Open &amp;Terminal</source>
        <translation>打开终端(&amp;T)</translation>
    </message>
    <message>
        <source>Browse &amp;Files</source>
        <translation>浏览文件(&amp;F)</translation>
    </message>
    <message>
        <source>Alibaba Cloud accounts for ECI and OpenSandbox servers</source>
        <translation>ECI 的阿里云账号和 OpenSandbox 服务器</translation>
    </message>
    <message>
        <source>Re&amp;new…</source>
        <translation>续期(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Clean Up…</source>
        <translation>清理(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Jobs in All Sandboxes</source>
        <translation>所有沙箱中的作业(&amp;J)</translation>
    </message>
    <message>
        <source>R&amp;un Commands, Jobs and Packages…</source>
        <translation>运行命令、作业和软件包(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Idle Clean-Up</source>
        <translation>空闲清理(&amp;I)</translation>
    </message>
    <message>
        <source>Let clean-up remove the selected sandboxes once they have been idle long enough</source>
        <translation>允许清理在所选沙箱空闲足够长时间后将其删除</translation>
    </message>
</context>
<context>
    <name>WindowPages</name>
    <message>
        <source>No sandboxes yet</source>
        <translation>还没有沙箱</translation>
    </message>
    <message>
        <source>Create a sandbox from an image to get started. Sandboxes created with the docker CLI or any other tool appear here too.</source>
        <translation>从一个镜像创建沙箱即可开始。用 docker 命令行或其他工具创建的沙箱也会显示在这里。</translation>
    </message>
    <message>
        <source>Connecting to %1 at %2…</source>
        <translation>正在连接 %1（%2）…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>No engine address is configured.</source>
        <translation>没有配置引擎地址。</translation>
    </message>
    <message>
        <source>What you can do:</source>
        <translation>您可以：</translation>
    </message>
    <message>
        <source>Start the engine: &lt;code&gt;sudo systemctl start docker&lt;/code&gt;, or for Podman &lt;code&gt;systemctl --user start podman.socket&lt;/code&gt;.</source>
        <translation>启动引擎：&lt;code&gt;sudo systemctl start docker&lt;/code&gt;；如果使用 Podman，则运行 &lt;code&gt;systemctl --user start podman.socket&lt;/code&gt;。</translation>
    </message>
    <message>
        <source>If access to the socket is denied, add yourself to the &lt;code&gt;docker&lt;/code&gt; group (&lt;code&gt;sudo usermod -aG docker $USER&lt;/code&gt;) and log in again.</source>
        <translation>如果访问套接字被拒绝，请把自己加入 &lt;code&gt;docker&lt;/code&gt; 组（&lt;code&gt;sudo usermod -aG docker $USER&lt;/code&gt;），然后重新登录。</translation>
    </message>
    <message>
        <source>Use another engine: set &lt;code&gt;DOCKER_HOST&lt;/code&gt; (for example &lt;code&gt;tcp://192.168.1.10:2375&lt;/code&gt;) or start SandboxDesk with &lt;code&gt;--docker HOST&lt;/code&gt;.</source>
        <translation>使用其他引擎：设置 &lt;code&gt;DOCKER_HOST&lt;/code&gt;（例如 &lt;code&gt;tcp://192.168.1.10:2375&lt;/code&gt;），或用 &lt;code&gt;--docker HOST&lt;/code&gt; 启动 SandboxDesk。</translation>
    </message>
    <message>
        <source>Add an engine address in Preferences.</source>
        <translation>在首选项中添加引擎地址。</translation>
    </message>
    <message>
        <source>SandboxDesk never starts an engine itself; it connects as soon as one answers.</source>
        <translation>SandboxDesk 从不自行启动引擎；引擎一旦响应就会自动连接。</translation>
    </message>
    <message>
        <source>No container engine is connected</source>
        <translation>未连接到容器引擎</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;New Sandbox…</source>
        <translation>新建沙箱(&amp;N)…</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>See and manage the sandboxes on your container engines.</source>
        <translation>查看并管理容器引擎上的沙箱。</translation>
    </message>
    <message>
        <source>Use the engine at HOST for this run instead of the one DOCKER_HOST or the docker context names.</source>
        <translation>本次运行使用位于 HOST 的引擎，而不是 DOCKER_HOST 或 docker 上下文所指定的引擎。</translation>
    </message>
    <message>
        <source>Use LANGUAGE (en or zh_CN) for this run.</source>
        <translation>本次运行使用 LANGUAGE 语言（en 或 zh_CN）。</translation>
    </message>
    <message>
        <source>Unknown language “%1”; use one of: %2.</source>
        <translation>未知语言“%1”；可用的有：%2。</translation>
    </message>
</context>
<context>
    <name>sandboxctl</name>
    <message>
        <source>No such sandbox: %1</source>
        <translation>没有这个沙箱：%1</translation>
    </message>
    <message>
        <source>“%1” matches more than one sandbox.</source>
        <translation>“%1”匹配到多个沙箱。</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>IMAGE</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>PORTS</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Name at least one sandbox.</source>
        <translation>请至少指定一个沙箱。</translation>
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 需要一个值。</translation>
    </message>
    <message>
        <source>Label “%1” is not KEY=VALUE.</source>
        <translation>标签“%1”不是 KEY=VALUE 格式。</translation>
    </message>
    <message>
        <source>“%1” is not a number of CPUs.</source>
        <translation>“%1”不是有效的 CPU 数。</translation>
    </message>
    <message>
        <source>“%1” is not a memory size (for example 512m or 2g).</source>
        <translation>“%1”不是有效的内存大小（例如 512m 或 2g）。</translation>
    </message>
    <message>
        <source>“%1” is not a port binding.</source>
        <translation>“%1”不是有效的端口映射。</translation>
    </message>
    <message>
        <source>Unknown option “%1”.</source>
        <translation>未知选项“%1”。</translation>
    </message>
    <message>
        <source>Name a sandbox.</source>
        <translation>请指定一个沙箱。</translation>
    </message>
    <message>
        <source>This sandbox cannot run commands.</source>
        <translation>这个沙箱不能运行命令。</translation>
    </message>
    <message>
        <source>“%1” is neither an RFC 3339 time nor a duration such as 10m.</source>
        <translation>“%1”既不是 RFC 3339 时间，也不是 10m 这样的时长。</translation>
    </message>
    <message>
        <source>“%1” is not a number of lines.</source>
        <translation>“%1”不是有效的行数。</translation>
    </message>
    <message>
        <source>Unknown command “%1”.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <source>There is no ECI account named “%1”; add it in SandboxDesk first.</source>
        <translation>没有名为“%1”的 ECI 账号；请先在 SandboxDesk 中添加。</translation>
    </message>
    <message>
        <source>No Alibaba Cloud AccessKey was found.</source>
        <translation>未找到阿里云 AccessKey。</translation>
    </message>
    <message>
        <source>Or use --account NAME with an account added in SandboxDesk.</source>
        <translation>或者使用 --account 名称，指定在 SandboxDesk 中添加的账号。</translation>
    </message>
    <message>
        <source>Name a region: sandboxctl --eci REGION …, or set ECI_SANDBOX_REGION_ID.</source>
        <translation>请指定地域：sandboxctl --eci 地域 …，或设置 ECI_SANDBOX_REGION_ID。</translation>
    </message>
    <message>
        <source>The account&apos;s secret could not be read from the keychain.</source>
        <translation>无法从钥匙串读取该账号的 AccessKey Secret。</translation>
    </message>
    <message>
        <source>--docker and --eci cannot be used together.</source>
        <translation>--docker 和 --eci 不能同时使用。</translation>
    </message>
    <message>
        <source>“%1” does not apply to %2.</source>
        <translation>“%1”不适用于 %2。</translation>
    </message>
    <message>
        <source>The archive ended before the file did.</source>
        <translation>归档在文件结束之前就结束了。</translation>
    </message>
    <message>
        <source>Could not write to the output: %1</source>
        <translation>无法写入输出：%1</translation>
    </message>
    <message>
        <source>The archive holds no file.</source>
        <translation>归档中没有文件。</translation>
    </message>
    <message>
        <source>This is a folder, not a file.</source>
        <translation>这是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>This is not a regular file.</source>
        <translation>这不是普通文件。</translation>
    </message>
    <message>
        <source>This sandbox&apos;s files cannot be reached.</source>
        <translation>无法访问此沙箱的文件。</translation>
    </message>
    <message>
        <source>No such file or folder in the sandbox: %1</source>
        <translation>沙箱中没有此文件或文件夹：%1</translation>
    </message>
    <message>
        <source>cp needs a source and a destination.</source>
        <translation>cp 需要一个源和一个目标。</translation>
    </message>
    <message>
        <source>One side of cp must be ID:PATH in a sandbox and the other a local path or -.</source>
        <translation>cp 的一端必须是沙箱中的 ID:PATH，另一端是本地路径或 -。</translation>
    </message>
    <message>
        <source>Cannot copy a folder onto the file %1.</source>
        <translation>无法将文件夹复制到文件 %1 上。</translation>
    </message>
    <message>
        <source>No such local folder: %1</source>
        <translation>本地没有此文件夹：%1</translation>
    </message>
    <message>
        <source>Cannot write into %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>No such local file or folder: %1</source>
        <translation>本地没有此文件或文件夹：%1</translation>
    </message>
    <message>
        <source>The destination must be a folder: %1</source>
        <translation>目标必须是文件夹：%1</translation>
    </message>
    <message>
        <source>No such folder in the sandbox: %1</source>
        <translation>沙箱中没有此文件夹：%1</translation>
    </message>
    <message>
        <source>cat needs one ID:PATH.</source>
        <translation>cat 需要一个 ID:PATH。</translation>
    </message>
    <message>
        <source>%1 is a folder.</source>
        <translation>%1 是文件夹。</translation>
    </message>
    <message>
        <source>Too many symbolic links: %1</source>
        <translation>符号链接层数过多：%1</translation>
    </message>
    <message>
        <source>put needs one ID:PATH.</source>
        <translation>put 需要一个 ID:PATH。</translation>
    </message>
    <message>
        <source>Cannot make a temporary file: %1</source>
        <translation>无法创建临时文件：%1</translation>
    </message>
    <message>
        <source>Cannot read stdin: %1</source>
        <translation>无法读取标准输入：%1</translation>
    </message>
    <message>
        <source>Cannot write a temporary file: %1</source>
        <translation>无法写入临时文件：%1</translation>
    </message>
    <message>
        <source>stdin ended before its size.</source>
        <translation>标准输入在达到其大小之前就结束了。</translation>
    </message>
    <message>
        <source>
--timeout DURATION (before the command) gives up when the engine has not
answered for DURATION (90s, 10m, 2h; default 60s); logs -f and exec, once
they have begun, run until they end.
list --json --limits adds CPU and memory limits (a request per sandbox).
</source>
        <translation>
--timeout DURATION（写在命令之前）：引擎在 DURATION 内没有响应时放弃（90s、10m、2h；
默认 60s）；logs -f 和 exec 一旦开始，便一直运行到结束。
list --json --limits 同时输出 CPU 和内存限制（每个沙箱一个请求）。
</translation>
    </message>
    <message>
        <source>No answer from %1 for %2 (--timeout); giving up.</source>
        <translation>%1 在 %2 内没有响应（--timeout），已放弃。</translation>
    </message>
    <message>
        <source>“%1” is not a duration such as 90s, 10m or 2h.</source>
        <translation>“%1”不是有效的时长，例如 90s、10m 或 2h。</translation>
    </message>
    <message>
        <source>%1: no such file or folder.</source>
        <translation>%1：没有这个文件或文件夹。</translation>
    </message>
    <message>
        <source>“%1” is not ID:PATH.</source>
        <translation>“%1”不是 ID:PATH 形式。</translation>
    </message>
    <message>
        <source>Both paths must be in the same sandbox.</source>
        <translation>两个路径必须在同一个沙箱中。</translation>
    </message>
    <message>
        <source>%1 cannot browse the files of a sandbox.</source>
        <translation>%1 无法浏览沙箱中的文件。</translation>
    </message>
    <message>
        <source>Name one ID:PATH.</source>
        <translation>请指定一个 ID:PATH。</translation>
    </message>
    <message>
        <source>Name a source and a destination, both ID:PATH.</source>
        <translation>请指定源和目标，两者都须为 ID:PATH 形式。</translation>
    </message>
    <message>
        <source>%1 is a folder; use rm -r.</source>
        <translation>%1 是文件夹；请使用 rm -r。</translation>
    </message>
    <message>
        <source>Name an octal mode and one ID:PATH.</source>
        <translation>请指定一个八进制权限和一个 ID:PATH。</translation>
    </message>
    <message>
        <source>“%1” is not an octal mode such as 755.</source>
        <translation>“%1”不是八进制权限（例如 755）。</translation>
    </message>
    <message>
        <source>Use find ID:PATH -name PATTERN.</source>
        <translation>用法：find ID:PATH -name 模式。</translation>
    </message>
    <message>
        <source>
Alibaba Cloud ECI: sandboxctl --eci [REGION] [--account NAME] COMMAND [ARGS…]
  list [--json] | inspect ID | rm [-f] ID… | restart ID…
  create --image IMAGE [--name N] [--env K=V]… [--label K=V]… [--workdir DIR]
         [--cpus N] [--memory SIZE] [-p PORT]… [--arg ARG]… [--zone ZONE]
         [--vswitch ID] [--security-group ID] [--restart Always|OnFailure|Never]
         [-- CMD…]               create a container group and print its id
  logs [-f] [--tail N] [--since T] [--timestamps] [--container NAME] ID
  exec [-i] [-t] [--container NAME] ID [-- CMD…]
  ls | mkdir | mv | rm ID:PATH | chmod | find, as above, with [--container NAME]
The AccessKey comes from --account NAME (an account added in SandboxDesk, its
secret read from the keychain) or from ALIBABA_CLOUD_ACCESS_KEY_ID,
ALIBABA_CLOUD_ACCESS_KEY_SECRET and ALIBABA_CLOUD_SECURITY_TOKEN, overridden by
ECI_SANDBOX_ACCESS_KEY_ID and ECI_SANDBOX_ACCESS_KEY_SECRET. The region is REGION,
else ECI_SANDBOX_REGION_ID, ALIBABA_CLOUD_REGION_ID or the account&apos;s default.
ECI_SANDBOX_ENDPOINT (host, host:port or URL) overrides the endpoint and
ECI_SANDBOX_TIMEOUT_MS the time each request may take.
</source>
        <translation>
阿里云 ECI：sandboxctl --eci [地域] [--account 名称] 命令 [参数…]
  list [--json] | inspect ID | rm [-f] ID… | restart ID…
  create --image 镜像 [--name 名称] [--env K=V]… [--label K=V]… [--workdir 目录]
         [--cpus N] [--memory 大小] [-p 端口]… [--arg 参数]… [--zone 可用区]
         [--vswitch ID] [--security-group ID] [--restart Always|OnFailure|Never]
         [-- 命令…]              创建容器组并打印其 ID
  logs [-f] [--tail N] [--since T] [--timestamps] [--container 名称] ID
  exec [-i] [-t] [--container 名称] ID [-- 命令…]
  ls | mkdir | mv | rm ID:PATH | chmod | find：同上，可加 [--container 名称]
AccessKey 取自 --account 名称（在 SandboxDesk 中添加的账号，其 AccessKey Secret 从钥匙串读取），
或取自 ALIBABA_CLOUD_ACCESS_KEY_ID、ALIBABA_CLOUD_ACCESS_KEY_SECRET 和
ALIBABA_CLOUD_SECURITY_TOKEN，ECI_SANDBOX_ACCESS_KEY_ID 与
ECI_SANDBOX_ACCESS_KEY_SECRET 优先。地域取自“地域”参数，否则取自
ECI_SANDBOX_REGION_ID、ALIBABA_CLOUD_REGION_ID 或账号的默认地域。
ECI_SANDBOX_ENDPOINT（主机、主机:端口或 URL）可覆盖接入地址，
ECI_SANDBOX_TIMEOUT_MS 设定每个请求的超时时间。
</translation>
    </message>
    <message>
        <source>
Resource use:
  stats [--no-stream] [--json] [ID…]
                                live CPU, memory, network and block I/O of the
                                running sandboxes (or of those named), in the
                                columns of docker stats; --no-stream prints one
                                measurement and exits; --json prints a JSON array
                                with --no-stream, else one object a line
</source>
        <translation>
资源使用：
  stats [--no-stream] [--json] [ID…]
                                运行中的沙箱（或指定的沙箱）实时的 CPU、内存、
                                网络和块 I/O，列与 docker stats 相同；
                                --no-stream 只测量一次后退出；--json 配合
                                --no-stream 时输出一个 JSON 数组，否则每次测量
                                每个沙箱输出一行对象
</translation>
    </message>
    <message>
        <source>%1 does not report live resource use.</source>
        <translation>%1 不提供实时资源使用情况。</translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>MEM USAGE / LIMIT</source>
        <translation>内存用量 / 上限</translation>
    </message>
    <message>
        <source>MEM %</source>
        <translation>内存 %</translation>
    </message>
    <message>
        <source>NET I/O</source>
        <translation>网络 I/O</translation>
    </message>
    <message>
        <source>BLOCK I/O</source>
        <translation>块 I/O</translation>
    </message>
    <message>
        <source>PIDS</source>
        <translation>进程数</translation>
    </message>
    <message>
        <source>No OpenSandbox API key: set OPEN_SANDBOX_API_KEY.</source>
        <translation>没有 OpenSandbox API 密钥：请设置 OPEN_SANDBOX_API_KEY。</translation>
    </message>
    <message>
        <source>%1 cannot pause or resume sandboxes.</source>
        <translation>%1 无法暂停或恢复沙箱。</translation>
    </message>
    <message>
        <source>renew takes a sandbox and a duration, for example: renew ID 30m.</source>
        <translation>renew 需要一个沙箱和一个时长，例如：renew ID 30m。</translation>
    </message>
    <message>
        <source>Sandboxes of %1 have no lifetime to renew.</source>
        <translation>%1 的沙箱没有可续期的有效期。</translation>
    </message>
    <message>
        <source>%1 expires at %2</source>
        <translation>%1 将于 %2 过期</translation>
    </message>
    <message>
        <source>--opensandbox cannot be used with --docker or --eci.</source>
        <translation>--opensandbox 不能与 --docker 或 --eci 同时使用。</translation>
    </message>
    <message>
        <source>
Running (the command&apos;s exit code becomes sandboxctl&apos;s):
  run ID [--script FILE|-] [--timeout D] [--workdir DIR] [-e K=V]… [--user U]
         [-- CMD…]               run a command, or a script read from FILE or
                                stdin (by /bin/sh, or by its #! line), without a
                                terminal; stdout and stderr stay apart. --timeout
                                (90s, 10m, 2h, 1d) and Ctrl-C stop the process and
                                everything it started: TERM, then KILL 2s later
</source>
        <translation>
运行（sandboxctl 以所运行命令的退出码退出）：
  run ID [--script FILE|-] [--timeout D] [--workdir DIR] [-e K=V]… [--user U]
         [-- CMD…]               运行命令，或从 FILE 或标准输入读取的脚本
                                （由 /bin/sh 或其 #! 行指定的解释器执行），不分配
                                终端；标准输出与标准错误分开。--timeout（90s、
                                10m、2h、1d）和 Ctrl-C 会停止该进程及其启动的
                                一切：先发 TERM，2 秒后发 KILL
</translation>
    </message>
    <message>
        <source>“%1” is not KEY=VALUE.</source>
        <translation>“%1”不是 KEY=VALUE 形式。</translation>
    </message>
    <message>
        <source>Give a command or --script, not both.</source>
        <translation>请指定命令或 --script，不能同时指定。</translation>
    </message>
    <message>
        <source>Give a command after -- or a script with --script.</source>
        <translation>请在 -- 之后指定命令，或用 --script 指定脚本。</translation>
    </message>
    <message>
        <source>Could not read “%1”: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <source>The script is empty.</source>
        <translation>脚本为空。</translation>
    </message>
    <message>
        <source>Stopped after %1 (--timeout).</source>
        <translation>已在 %1 后停止（--timeout）。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Interrupted; the process may still run in the sandbox.</source>
        <translation>已中断；该进程可能仍在沙箱中运行。</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>exited (%1)</source>
        <translation>已退出（%1）</translation>
    </message>
    <message>
        <source>killed (%1)</source>
        <translation>已终止（%1）</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>已丢失</translation>
    </message>
    <message>
        <source>Name a jobs command.</source>
        <translation>请指定一个 jobs 子命令。</translation>
    </message>
    <message>
        <source>Unknown command “jobs %1”.</source>
        <translation>未知命令“jobs %1”。</translation>
    </message>
    <message>
        <source>Name a sandbox and a job.</source>
        <translation>请指定一个沙箱和一个作业。</translation>
    </message>
    <message>
        <source>“%1” is not a job id.</source>
        <translation>“%1”不是作业 ID。</translation>
    </message>
    <message>
        <source>Give the job&apos;s command after --.</source>
        <translation>请在 -- 之后指定作业的命令。</translation>
    </message>
    <message>
        <source>Name one sandbox, or none for all.</source>
        <translation>请指定一个沙箱，或不指定以列出全部。</translation>
    </message>
    <message>
        <source>SANDBOX</source>
        <translation>沙箱</translation>
    </message>
    <message>
        <source>JOB</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>STARTED</source>
        <translation>启动时间</translation>
    </message>
    <message>
        <source>OUTPUT</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>REASON</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Name one sandbox and a duration.</source>
        <translation>请指定一个沙箱和一个时长。</translation>
    </message>
    <message>
        <source>%1 does not keep lifetimes.</source>
        <translation>%1 不支持生存期。</translation>
    </message>
    <message>
        <source>“%1” is not a duration such as 90s, 10m, 2h or 1d.</source>
        <translation>“%1”不是有效的时长，例如 90s、10m、2h 或 1d。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>
OpenSandbox: sandboxctl --opensandbox [DOMAIN] COMMAND [ARGS…]
  list [--json] | inspect ID | rm ID… | pause ID… | resume ID…
  create --image IMAGE [--name N] [--env K=V]… [--label K=V]… [--cpus N]
         [--memory SIZE] [--ttl DURATION] [-- CMD…]
                                create a sandbox (no --ttl: it never expires)
  renew ID DURATION             make the sandbox expire DURATION from now
  logs [-f] [--tail N] [--since T] [--timestamps] ID
  exec ID [-- CMD…]             run a command through the sandbox&apos;s execd (no
                                terminal, no input); exits with its code
DOMAIN is host:port or a URL; without it OPEN_SANDBOX_DOMAIN is read (default
localhost:8080). The API key comes from OPEN_SANDBOX_API_KEY.
</source>
        <translation>
OpenSandbox：sandboxctl --opensandbox [域名] 命令 [参数…]
  list [--json] | inspect ID | rm ID… | pause ID… | resume ID…
  create --image 镜像 [--name 名称] [--env K=V]… [--label K=V]… [--cpus N]
         [--memory 大小] [--ttl 时长] [-- 命令…]
                                创建沙箱（不加 --ttl 则永不过期）
  renew ID 时长                 让沙箱在从现在起的“时长”之后过期
  logs [-f] [--tail N] [--since T] [--timestamps] ID
  exec ID [-- 命令…]            通过沙箱的 execd 运行命令（没有终端，
                                不传输入）；以该命令的退出码退出
“域名”为 主机:端口 或 URL；省略时读取 OPEN_SANDBOX_DOMAIN（默认为
localhost:8080）。API 密钥取自 OPEN_SANDBOX_API_KEY。
</translation>
    </message>
    <message>
        <source>  cp [-a] SRC DST               copy between the sandbox and here, as docker cp;
                                either side is ID:PATH; - as SRC unpacks a tar
                                from stdin, - as DST writes a tar to stdout;
                                -a keeps the owners (uid, gid) of what goes up,
                                where the sandbox can
  cat ID:PATH                   write a file&apos;s bytes to stdout
  put ID:PATH                   write stdin into a file
</source>
        <translation>  cp [-a] SRC DST               在沙箱与本机之间复制，与 docker cp 相同；
                                任一端为 ID:PATH；SRC 为 - 时从标准输入解包
                                tar，DST 为 - 时将 tar 写到标准输出；
                                -a 保留上传内容的所有者（uid、gid），
                                仅限支持此功能的沙箱
  cat ID:PATH                   将文件内容写到标准输出
  put ID:PATH                   将标准输入写入文件
</translation>
    </message>
    <message>
        <source>Usage: sandboxctl [--docker HOST] COMMAND [ARGS…]

Commands:
  list [--json]                 list every sandbox
  inspect ID                    print the engine&apos;s details as JSON
  create --image IMAGE [--name N] [--env K=V]… [--label K=V]… [--workdir DIR]
         [--cpus N] [--memory SIZE] [--network MODE] [-p [IP:]HOST:PORT]… [--rm]
         [--start] [-- CMD…]     create a sandbox and print its id
  start|stop|restart|pause|unpause|kill ID…
  rm [-f] ID…                   remove sandboxes (-f: also running ones)
  exec [-i] [-t] ID [-- CMD…]    run a command (default: a shell) in a sandbox;
                                -i passes stdin, -t gives it a terminal; both are
                                on when stdin is a terminal and neither is given
  images                        list local images
  pull IMAGE                    pull an image
  logs [-f] [--since T] [--tail N] [--timestamps] ID
                                print the log (stderr lines to stderr); T is
                                RFC 3339 or a duration back from now (10m, 2h)

</source>
        <translation>用法：sandboxctl [--docker HOST] 命令 [参数…]

命令：
  list [--json]                 列出所有沙箱
  inspect ID                    以 JSON 输出引擎提供的详细信息
  create --image IMAGE [--name N] [--env K=V]… [--label K=V]… [--workdir DIR]
         [--cpus N] [--memory SIZE] [--network MODE] [-p [IP:]HOST:PORT]… [--rm]
         [--start] [-- CMD…]     创建沙箱并输出其 ID
  start|stop|restart|pause|unpause|kill ID…
  rm [-f] ID…                   删除沙箱（-f：包括正在运行的）
  exec [-i] [-t] ID [-- CMD…]    在沙箱中运行命令（默认：一个 shell）；
                                -i 传入标准输入，-t 分配终端；标准输入是终端且
                                两者都未指定时，两者都开启
  images                        列出本地镜像
  pull IMAGE                    拉取镜像
  logs [-f] [--since T] [--tail N] [--timestamps] ID
                                输出日志（stderr 的行写到标准错误）；T 为
                                RFC 3339 时间或距现在的时长（10m、2h）

</translation>
    </message>
    <message>
        <source>Files (ID:PATH is a path in a sandbox, relative paths start at its root):
</source>
        <translation>文件（ID:PATH 是沙箱中的路径，相对路径从其根目录开始）：
</translation>
    </message>
    <message>
        <source>  ls [-l] [-a] ID:PATH          list a folder (-l: details, -a: hidden names too)
  mkdir [-p] ID:PATH            make a folder (-p: with its parents, no error if
                                it exists)
  mv ID:SRC ID:DST              move or rename inside one sandbox
  rm [-r] [-f] ID:PATH          remove (-r: a folder and everything in it,
                                -f: no error when the path is missing)
  chmod MODE ID:PATH            set the permissions to an octal MODE such as 755
  find ID:PATH -name PATTERN    print the paths below PATH whose name matches
</source>
        <translation>  ls [-l] [-a] ID:PATH          列出文件夹（-l：详细信息，-a：包括隐藏的名称）
  mkdir [-p] ID:PATH            创建文件夹（-p：连同上级文件夹一起创建，已存在时
                                不报错）
  mv ID:SRC ID:DST              在同一沙箱内移动或重命名
  rm [-r] [-f] ID:PATH          删除（-r：文件夹及其中的一切，
                                -f：路径不存在时不报错）
  chmod MODE ID:PATH            将权限设为八进制 MODE，例如 755
  find ID:PATH -name PATTERN    输出 PATH 下名称与 PATTERN 匹配的路径
</translation>
    </message>
    <message>
        <source>
ID is an id, a unique id prefix or a name. The engine is found like the docker
CLI finds it (DOCKER_HOST, DOCKER_CONTEXT, the current context, the default
socket), then at the rootless and Podman sockets. Exit codes: 0 success,
1 failure, 2 unknown sandbox, 64 usage; exec exits with the command&apos;s own code.
</source>
        <translation>
ID 可以是完整 ID、唯一的 ID 前缀或名称。引擎的查找方式与 docker 命令行相同
（DOCKER_HOST、DOCKER_CONTEXT、当前上下文、默认套接字），找不到时再查找 rootless
和 Podman 的套接字。退出码：0 成功，1 失败，2 沙箱不存在，64 用法错误；
exec 以所运行命令的退出码退出。
</translation>
    </message>
    <message>
        <source>“%1” is out of range: logs have times from 1677 to 2262.</source>
        <translation>“%1”超出范围：日志的时间只能在 1677 年到 2262 年之间。</translation>
    </message>
    <message>
        <source>“%1” is not a package manager: use apt, apk, pip or npm.</source>
        <translation>“%1”不是包管理器：请使用 apt、apk、pip 或 npm。</translation>
    </message>
    <message>
        <source>This sandbox has no %1; it has %2.</source>
        <translation>此沙箱中没有 %1；它有 %2。</translation>
    </message>
    <message>
        <source>Name a sandbox, a package manager and at least one package.</source>
        <translation>请指定一个沙箱、一个包管理器以及至少一个软件包。</translation>
    </message>
    <message>
        <source>
Lifetimes (DURATION as 90s, 10m, 2h, 1d):
  ttl ID DURATION|none          the sandbox expires DURATION from now (none:
                                it never expires); prints the time
  renew ID DURATION             the sandbox expires DURATION from now, as
                                OpenSandbox renews; prints the time
  create … --ttl DURATION       give a new sandbox a lifetime
  idle ID [on|off]              let idle clean-up remove the sandbox (on) or
                                not (off); without on or off, print which
  idle --connection [on|off]    the same for every sandbox of the connection
  gc [--dry-run] [--idle DURATION [--cpu PERCENT]]
                                remove the sandboxes whose lifetime has
                                passed; --idle also those opted in to idle
                                clean-up that have been stopped that long, or
                                running with no terminal, command or job open
                                and CPU below PERCENT (default 5) of a core
                                for that long, as far as gc and SandboxDesk
                                have watched them; --dry-run lists them and
                                removes nothing. Removals go to the activity
                                log.
</source>
        <translation>
生存期（DURATION 形如 90s、10m、2h、1d）：
  ttl ID DURATION|none          沙箱在 DURATION 之后到期（none：永不到期）；
                                输出到期时间
  renew ID DURATION             沙箱在从现在起 DURATION 之后到期，与 OpenSandbox
                                的续期方式相同；输出到期时间
  create … --ttl DURATION       为新沙箱设置生存期
  idle ID [on|off]              允许（on）或不允许（off）空闲清理删除该沙箱；
                                不带 on 或 off 时输出当前设置
  idle --connection [on|off]    对该连接的所有沙箱进行同样的设置
  gc [--dry-run] [--idle DURATION [--cpu PERCENT]]
                                删除生存期已过的沙箱；--idle 还删除已允许空闲
                                清理、且已停止这么久，或在这么久内一直运行但没有
                                打开的终端、命令或作业且 CPU 低于单核 PERCENT
                                （默认 5）的沙箱（以 gc 和 SandboxDesk 观察到的
                                为准）；--dry-run 只列出，不删除。删除记录写入
                                活动日志。
</translation>
    </message>
    <message>
        <source>“%1” is not a CPU percentage such as 5 or 2.5.</source>
        <translation>“%1”不是 CPU 百分比，例如 5 或 2.5。</translation>
    </message>
    <message>
        <source>Name one sandbox, or --connection, then on or off.</source>
        <translation>请指定一个沙箱或 --connection，然后指定 on 或 off。</translation>
    </message>
    <message>
        <source>(on for its connection)</source>
        <translation>（其连接已开启）</translation>
    </message>
    <message>
        <source>Say on or off, not “%1”.</source>
        <translation>请使用 on 或 off，而不是“%1”。</translation>
    </message>
    <message>
        <source>
Packages (apt, apk, pip or npm, whichever the sandbox has):
  packages ID [--manager M] [--json]
                                list the installed packages: manager, name, version
  packages managers ID          the package managers found, with their paths
  packages install ID M NAME…   install with manager M (apt: apt-get update first);
                                the manager&apos;s output streams, its exit code becomes
                                sandboxctl&apos;s; Ctrl-C stops it in the sandbox
  packages remove ID M NAME…    remove installed packages the same way
</source>
        <translation>
软件包（apt、apk、pip 或 npm，取决于沙箱中有哪个）：
  packages ID [--manager M] [--json]
                                列出已安装的软件包：管理器、名称、版本
  packages managers ID          列出找到的包管理器及其路径
  packages install ID M NAME…   用包管理器 M 安装（apt：先运行 apt-get update）；
                                实时输出包管理器的输出，sandboxctl 以其退出码退出；
                                Ctrl-C 会在沙箱中停止它
  packages remove ID M NAME…    以同样方式卸载已安装的软件包
</translation>
    </message>
    <message>
        <source>
Background jobs (kept by the sandbox: they run on after sandboxctl exits):
  jobs start ID [--workdir DIR] [-e K=V]… [-- CMD…]
                                start a command detached and print its job id
  jobs list [ID]                the jobs of a sandbox, or of every running one
                                (each container of a group: SANDBOX/CONTAINER)
  jobs logs [-f] ID JOB         print a job&apos;s output (-f: follow it to its end)
  jobs wait ID JOB              wait for a job; its exit code becomes sandboxctl&apos;s
  jobs kill ID JOB              stop a job: TERM, then KILL 2s later
  jobs rm ID JOB                forget an ended job and its output
  --container NAME              in a group of containers (ECI): that container;
                                start uses the first unless told, the others find
                                the container that keeps JOB
</source>
        <translation>
后台作业（由沙箱保存：sandboxctl 退出后仍继续运行）：
  jobs start ID [--workdir DIR] [-e K=V]… [-- CMD…]
                                以分离方式启动命令并输出其作业 ID
  jobs list [ID]                列出某个沙箱的作业，或所有运行中沙箱的作业
                                （容器组的每个容器：SANDBOX/CONTAINER）
  jobs logs [-f] ID JOB         输出作业的输出（-f：跟随直到作业结束）
  jobs wait ID JOB              等待作业结束；sandboxctl 以其退出码退出
  jobs kill ID JOB              停止作业：先发 TERM，2 秒后发 KILL
  jobs rm ID JOB                删除已结束的作业及其输出
  --container NAME              在容器组（ECI）中：使用该容器；
                                未指定时 start 使用第一个容器，其他命令
                                查找保存 JOB 的容器
</translation>
    </message>
    <message>
        <source>%1 is not a group of containers; leave out --container.</source>
        <translation>%1 不是容器组；请去掉 --container。</translation>
    </message>
    <message>
        <source>%1 has no container “%2”; it has: %3.</source>
        <translation>%1 中没有容器“%2”；它有：%3。</translation>
    </message>
    <message>
        <source>--container needs a sandbox.</source>
        <translation>--container 需要指定一个沙箱。</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
    <name>CreateSandboxDialog</name>
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
        <source>&amp;Image:</source>
        <translation>镜像(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Co&amp;mmand:</source>
        <translation>命令(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>环境变量(&amp;E)：</translation>
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
        <source>&amp;CPUs:</source>
        <translation>CPU 数(&amp;C)：</translation>
    </message>
    <message>
        <source>Memor&amp;y:</source>
        <translation>内存(&amp;Y)：</translation>
    </message>
    <message>
        <source>Ne&amp;twork:</source>
        <translation>网络(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Ports:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <source>for example alpine:3.20</source>
        <translation>例如 alpine:3.20</translation>
    </message>
    <message>
        <source>optional; letters, digits, “_”, “.” and “-”</source>
        <translation>可选；字母、数字、“_”、“.”和“-”</translation>
    </message>
    <message>
        <source>optional, for example sleep 3600; else the image&apos;s own</source>
        <translation>可选，例如 sleep 3600；留空则使用镜像自带的命令</translation>
    </message>
    <message>
        <source>KEY=VALUE, one per line</source>
        <translation>KEY=VALUE，每行一个</translation>
    </message>
    <message>
        <source>optional, for example /work</source>
        <translation>可选，例如 /work</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限制</translation>
    </message>
    <message>
        <source>for example 512m or 2g; empty for no limit</source>
        <translation>例如 512m 或 2g；留空表示不限制</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>comma-separated, for example 8080:80, 127.0.0.1:5432:5432</source>
        <translation>用逗号分隔，例如 8080:80, 127.0.0.1:5432:5432</translation>
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
        <source>C&amp;reate</source>
        <translation>创建(&amp;R)</translation>
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
</context>
<context>
    <name>DockerConnections</name>
    <message>
        <source>Docker (%1)</source>
        <translation>Docker（%1）</translation>
    </message>
    <message>
        <source>The engine address from %1 cannot be used: %2</source>
        <translation>无法使用来自 %1 的引擎地址：%2</translation>
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
</context>
<context>
    <name>EciClient</name>
    <message numerus="yes">
        <source>The ECI endpoint did not answer within %n second(s).</source>
        <translation>
            <numerusform>ECI 端点在 %n 秒内没有响应。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not reach the ECI endpoint %1.</source>
        <translation>无法连接 ECI 端点 %1。</translation>
    </message>
    <message>
        <source>The ECI endpoint sent a response that is not valid JSON.</source>
        <translation>ECI 端点返回的响应不是有效的 JSON。</translation>
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
        <translation>ECI 端点“%1”不是主机名、主机:端口或 http(s) 地址。</translation>
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
        <source>The response is too large.</source>
        <translation>响应过大。</translation>
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
</context>
<context>
    <name>Job</name>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
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
        <translation>跟随(&amp;F)</translation>
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
        <source>Options</source>
        <translation>选项</translation>
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
        <translation>上一个匹配 (%1)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Next match (%1)</source>
        <translation>下一个匹配 (%1)</translation>
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
        <translation>正在跟随</translation>
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
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
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
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;About SandboxDesk</source>
        <translation>关于 SandboxDesk(&amp;A)</translation>
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
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;New Sandbox…</source>
        <translation>新建沙箱(&amp;N)…</translation>
    </message>
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
        <translation>你可以：</translation>
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
    <message>
        <source>Sandbox Not Started</source>
        <translation>沙箱未启动</translation>
    </message>
    <message>
        <source>The sandbox was created but could not be started.</source>
        <translation>沙箱已创建，但无法启动。</translation>
    </message>
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
        <source>Show &amp;Logs</source>
        <translation>显示日志(&amp;L)</translation>
    </message>
    <message>
        <source>Open &amp;Terminal</source>
        <translation>打开终端(&amp;T)</translation>
    </message>
    <message>
        <source>Terminals</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Show &amp;Terminals</source>
        <translation>显示终端(&amp;T)</translation>
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
        <translation>%1 个 CPU</translation>
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
</context>
<context>
    <name>TerminalSession</name>
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
        <source>The connection was removed.</source>
        <translation>该连接已被移除。</translation>
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
        <source>Previous match</source>
        <translation>上一个匹配项</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>下一个匹配项</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>关闭查找栏</translation>
    </message>
    <message>
        <source>Ctrl+click to open %1</source>
        <translation>按住 Ctrl 单击以打开 %1</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>无匹配项</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
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

ID is an id, a unique id prefix or a name. The engine is found like the docker
CLI finds it (DOCKER_HOST, DOCKER_CONTEXT, the current context, the default
socket). Exit codes: 0 success, 1 failure, 2 unknown sandbox, 64 usage; exec exits
with the command&apos;s own code.
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

ID 可以是完整 ID、唯一的 ID 前缀或名称。引擎的查找方式与 docker 命令行相同
（DOCKER_HOST、DOCKER_CONTEXT、当前上下文、默认套接字）。退出码：0 成功，
1 失败，2 沙箱不存在，64 用法错误；exec 以所运行命令的退出码退出。
</translation>
    </message>
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
</context>
</TS>

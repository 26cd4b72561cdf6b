<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountEditor</name>
    <message>
        <source>An account named “%1” exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AccessKey secret is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving in the keychain…</source>
        <translation type="unfinished">Saving in the keychain…</translation>
    </message>
    <message>
        <source>The account was not saved: %1

You can keep it for this session only. Its secret then stays in SandboxDesk&apos;s memory and is forgotten when SandboxDesk quits; nothing is written to disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To keep this account for this session only, type its AccessKey secret again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the AccessKey ID and secret first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The regions could not be listed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking Alibaba Cloud for the regions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n region(s) available to this key.</source>
        <translation>
            <numerusform>%n region available to this key.</numerusform>
            <numerusform>%n regions available to this key.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished">&amp;Name:</translation>
    </message>
    <message>
        <source>AccessKey &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AccessKey &amp;secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STS &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Other regions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si&amp;gnature:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example LTAI5t…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept in the keychain, never shown again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged; type a new secret to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, for a temporary STS key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged; type a new token to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the stored token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example cn-hangzhou</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fetch Regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask Alibaba Cloud which regions this key can use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, comma-separated, for example cn-beijing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional; empty uses eci.&lt;region&gt;.aliyuncs.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>V3 (ACS3-HMAC-SHA256, recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>V1 (HMAC-SHA1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Session only:&lt;/b&gt; this account and its secret are kept in memory and are gone when SandboxDesk quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep for This &amp;Session Only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished">&amp;Save</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Import a .env File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No keychain can be used.&lt;/b&gt; %1&lt;br&gt;Accounts can still be added for this session only: their secrets stay in memory and are forgotten when SandboxDesk quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session only (memory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation type="unfinished">Keychain</translation>
    </message>
    <message>
        <source>The aliyun configuration has no profiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import an aliyun CLI Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles in %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the account “%1”? Its connections close and its secret is deleted from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account “%1” was not removed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alibaba Cloud accounts for Elastic Container Instance. Each region of an account is a connection in the main window. Secrets are kept in the system keychain, never in SandboxDesk&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>AccessKey ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret kept in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the &amp;Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From a .&amp;env File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From an &amp;aliyun CLI Profile…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivityLog</name>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>by %1</translation>
    </message>
</context>
<context>
    <name>ActivityLogFile</name>
    <message>
        <source>Cannot write %1.</source>
        <translation>Cannot write %1.</translation>
    </message>
</context>
<context>
    <name>ActivityLogWindow</name>
    <message>
        <source>Activity Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity Log Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the entries that match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show times in UTC instead of local time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;All Entries…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Matching Entries…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export matching activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export activity log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain text (*.log *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation type="unfinished">JSON lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Export Matching Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Activity Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The activity log could not be exported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AllJobsModel</name>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Exited</source>
        <translation>Exited</translation>
    </message>
    <message>
        <source>Killed</source>
        <translation>Killed</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Lost</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Command</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Exit Code</source>
        <translation>Exit Code</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Output</translation>
    </message>
</context>
<context>
    <name>AllJobsWindow</name>
    <message>
        <source>Output of job %1 in %2:</source>
        <translation>Output of job %1 in %2:</translation>
    </message>
    <message>
        <source>The output of job %1 could not be read: %2</source>
        <translation>The output of job %1 could not be read: %2</translation>
    </message>
    <message>
        <source>Output of job %1 in %2 (ended):</source>
        <translation>Output of job %1 in %2 (ended):</translation>
    </message>
    <message>
        <source>Stopping job %1 in %2…</source>
        <translation>Stopping job %1 in %2…</translation>
    </message>
    <message>
        <source>Job %1 in %2 was not stopped: %3</source>
        <translation>Job %1 in %2 was not stopped: %3</translation>
    </message>
    <message>
        <source>Job %1 in %2 was stopped.</source>
        <translation>Job %1 in %2 was stopped.</translation>
    </message>
    <message>
        <source>The jobs of %1 could not be listed: %2</source>
        <translation>The jobs of %1 could not be listed: %2</translation>
    </message>
    <message>
        <source>No sandbox has background jobs.</source>
        <translation>No sandbox has background jobs.</translation>
    </message>
    <message>
        <source>Jobs in All Sandboxes</source>
        <translation>Jobs in All Sandboxes</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Follow Output</source>
        <translation>&amp;Follow Output</translation>
    </message>
    <message>
        <source>&amp;Kill</source>
        <translation>&amp;Kill</translation>
    </message>
    <message>
        <source>TERM to the job&apos;s processes, then KILL 2 seconds later</source>
        <translation>TERM to the job&apos;s processes, then KILL 2 seconds later</translation>
    </message>
    <message>
        <source>Select a job and follow it to see its output.</source>
        <translation>Select a job and follow it to see its output.</translation>
    </message>
</context>
<context>
    <name>Backend</name>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BulkOperation</name>
    <message>
        <source>The connection is gone.</source>
        <translation>The connection is gone.</translation>
    </message>
</context>
<context>
    <name>CleanupCandidate</name>
    <message>
        <source>expired %1 ago</source>
        <translation>expired %1 ago</translation>
    </message>
    <message>
        <source>stopped for %1</source>
        <translation>stopped for %1</translation>
    </message>
    <message>
        <source>idle for %1</source>
        <translation>idle for %1</translation>
    </message>
</context>
<context>
    <name>CleanupDialog</name>
    <message>
        <source>Looking…</source>
        <translation>Looking…</translation>
    </message>
    <message>
        <source>Clean Up Sandboxes</source>
        <translation>Clean Up Sandboxes</translation>
    </message>
    <message>
        <source>A duration such as 90m, 12h or 2d</source>
        <translation>A duration such as 90m, 12h or 2d</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>“%1” is not a duration such as 90m, 12h or 2d.</source>
        <translation>“%1” is not a duration such as 90m, 12h or 2d.</translation>
    </message>
    <message>
        <source>No connection keeps lifetimes.</source>
        <translation>No connection keeps lifetimes.</translation>
    </message>
    <message>
        <source>Nothing to clean up.</source>
        <translation>Nothing to clean up.</translation>
    </message>
    <message numerus="yes">
        <source>%n sandbox(es) will be removed.</source>
        <translation>
            <numerusform>%n sandbox will be removed.</numerusform>
            <numerusform>%n sandboxes will be removed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sandboxes whose lifetime has passed are removed. Nothing else is, unless chosen below: then also the sandboxes you allowed idle clean-up for (Sandbox ▸ Idle Clean-Up, or for a whole connection from its menu in the connections list) that have been stopped, or running with no terminal, command or job open and CPU below %1% of a core, for that long. Idle time counts from when SandboxDesk or sandboxctl first watched the sandbox.</source>
        <translation>Sandboxes whose lifetime has passed are removed. Nothing else is, unless chosen below: then also the sandboxes you allowed idle clean-up for (Sandbox ▸ Idle Clean-Up, or for a whole connection from its menu in the connections list) that have been stopped, or running with no terminal, command or job open and CPU below %1% of a core, for that long. Idle time counts from when SandboxDesk or sandboxctl first watched the sandbox.</translation>
    </message>
    <message>
        <source>Also remove sandboxes allowed &amp;idle clean-up, idle or stopped for at least</source>
        <translation>Also remove sandboxes allowed &amp;idle clean-up, idle or stopped for at least</translation>
    </message>
</context>
<context>
    <name>CleanupPlanner</name>
    <message>
        <source>The connection is gone.</source>
        <translation>The connection is gone.</translation>
    </message>
</context>
<context>
    <name>ConnectionList</name>
    <message>
        <source>Connected · version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All connections</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionOrigin</name>
    <message>
        <source>added by the application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account “%1”, region %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AccessKey from the environment, region %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenSandbox server “%1”</source>
        <translation>OpenSandbox server “%1”</translation>
    </message>
    <message>
        <source>OpenSandbox server %1 from the environment</source>
        <translation>OpenSandbox server %1 from the environment</translation>
    </message>
</context>
<context>
    <name>ConnectionRegistry</name>
    <message>
        <source>Docker (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine address from %1 cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint is not a valid address.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreateForm</name>
    <message>
        <source>&amp;Image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example alpine:3.20</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished">&amp;Name:</translation>
    </message>
    <message>
        <source>optional; letters, digits, “_”, “.” and “-”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mmand:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, for example sleep 3600; else the image&apos;s own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Arguments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, passed after the command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation type="unfinished">&amp;Environment:</translation>
    </message>
    <message>
        <source>KEY=VALUE, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Labels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Working directory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, for example /work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CPUs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memor&amp;y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example 512m or 2g; empty for no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;twork:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ports:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated, for example 8080:80, 127.0.0.1:5432:5432</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, for example cn-hangzhou-h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;vSwitch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example vsw-bp1234abcd; empty: the default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security &amp;group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example sg-bp1234abcd; empty: the default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart &amp;policy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service default (Always)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the sandbox when it e&amp;xits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start after creating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label “%1” is not KEY=VALUE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory “%1” is not a size; write for example 512m or 2g.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port “%1” is not valid; write CONTAINER, HOST:CONTAINER or IP:HOST:CONTAINER, with an optional /tcp or /udp, for example 8080:80.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreateSandboxDialog</name>
    <message>
        <source>Pull Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image “%1” is not on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull it from its registry, then create the sandbox?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pull and Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulling “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the sandbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the sandbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;onnection:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs as %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CredentialImport</name>
    <message>
        <source>the environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file contains NUL bytes; it is not a text file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not valid UTF-8 text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 is not NAME=VALUE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 has an unterminated or misplaced single quote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 has an unterminated or misplaced double quote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 has a quote inside an unquoted value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No AccessKey was found in %1: set %2 and %3 (or %4 and %5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An AccessKey secret was found in %1, but no AccessKey ID (%2 or %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An AccessKey ID was found in %1, but no secret (%2 or %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AccessKey ID may hold only letters, digits, “.”, “_” and “-”, at most 128 of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AccessKey secret must be at most 256 printable characters without spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The security token must be printable characters without spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The region “%1” is not a region ID such as cn-hangzhou.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The aliyun configuration is not valid JSON (%1 at byte %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The aliyun configuration has no “profiles” list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1 in the aliyun configuration has no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It signs in with “%1”, which SandboxDesk cannot use: only AK and StsToken profiles hold an AccessKey it can store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It has no AccessKey ID or secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is a StsToken profile without a token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is larger than 1 MiB; it is not a credentials file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>The keychain holds no secret named “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain can be used: it is missing, locked or not answering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused access.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Select a sandbox to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ports:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>No samples yet: the service keeps them once the group has run for a while.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) over the last hour. Peak CPU %1 % of one core, peak memory %2.</source>
        <translation>
            <numerusform>%n sample over the last hour. Peak CPU %1 % of one core, peak memory %2.</numerusform>
            <numerusform>%n samples over the last hour. Peak CPU %1 % of one core, peak memory %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished">State</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memory</translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (in %2)</source>
        <translation>%1 (in %2)</translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation>%1 (expired)</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
</context>
<context>
    <name>DockerBackend</name>
    <message>
        <source>The engine closed the event stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine sent a container list that is not valid JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine refused the request as invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine refused access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such sandbox or image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox is not in a state that allows this, or the name is already in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine failed to carry out the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine created nothing it could name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine sent details that are not valid JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image “%1” could not be pulled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine stopped answering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such sandbox: %1</source>
        <translation>No such sandbox: %1</translation>
    </message>
</context>
<context>
    <name>DockerEndpoint</name>
    <message>
        <source>default socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker context “%1” has no engine address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker context “%1” does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rootless Docker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Podman (user)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Podman (system)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DockerExecSession</name>
    <message>
        <source>The sandbox refused to run the command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine did not name the new process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine did not start the command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine did not hand over the stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine sent a malformed output frame.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the sandbox was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the sandbox was lost; the command is still running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>The connection was closed.</translation>
    </message>
</context>
<context>
    <name>DockerLogStream</name>
    <message>
        <source>The engine failed to read the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine sent a log frame of unknown kind (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such sandbox: %1</source>
        <translation>No such sandbox: %1</translation>
    </message>
    <message>
        <source>The engine did not describe the sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine refused to send the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>The connection was closed.</translation>
    </message>
</context>
<context>
    <name>DockerSandboxFiles</name>
    <message>
        <source>The engine refused the request for “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be written: it is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” does not exist in the sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine failed to transfer “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the engine is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine described “%1” in a form not understood.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not store what was downloaded.</source>
        <translation type="unfinished">Could not store what was downloaded.</translation>
    </message>
    <message>
        <source>The sandbox is not running: its files can be uploaded and downloaded, but browsing and changing them needs it running. Start it first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DockerStats</name>
    <message>
        <source>The engine sent stats that are not JSON.</source>
        <translation>The engine sent stats that are not JSON.</translation>
    </message>
    <message>
        <source>The engine sent a stats line that is too long.</source>
        <translation>The engine sent a stats line that is too long.</translation>
    </message>
</context>
<context>
    <name>DockerStatsStream</name>
    <message>
        <source>The connection was closed.</source>
        <translation>The connection was closed.</translation>
    </message>
    <message>
        <source>No such sandbox: %1</source>
        <translation>No such sandbox: %1</translation>
    </message>
    <message>
        <source>The engine refused to send the sandbox&apos;s stats.</source>
        <translation>The engine refused to send the sandbox&apos;s stats.</translation>
    </message>
</context>
<context>
    <name>EciAccount</name>
    <message>
        <source>The account name may use letters, digits, spaces, “.”, “@”, “_” and “-”, must start with a letter or digit and be at most 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AccessKey ID is required and may hold only letters, digits, “.”, “_” and “-”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A default region is required, for example cn-hangzhou.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a region ID such as cn-hangzhou.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EciBackend</name>
    <message>
        <source>ECI · %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alibaba Cloud sent a container group list that is not a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alibaba Cloud kept sending further pages of the container group list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alibaba Cloud created a container group without naming it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECI container groups cannot be told to “%1”; they can be restarted or deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such container group: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECI has no image list: a container group pulls its images from the registry when it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECI cannot pull “%1” ahead of time: a container group pulls its images when it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EciClient</name>
    <message numerus="yes">
        <source>The ECI endpoint did not answer within %n second(s).</source>
        <translation>
            <numerusform>The ECI endpoint did not answer within %n second.</numerusform>
            <numerusform>The ECI endpoint did not answer within %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not reach the ECI endpoint %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ECI endpoint sent a response that is not valid JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alibaba Cloud refused the request because this computer&apos;s clock is off by more than 15 minutes. Correct the system time and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alibaba Cloud refused the request signature: check the AccessKey secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alibaba Cloud does not know this AccessKey ID, or it is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The security token is invalid or has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This AccessKey is not allowed to do this operation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container group is not in a state that allows this operation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such container group or resource.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alibaba Cloud is throttling requests; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alibaba Cloud failed to process the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alibaba Cloud refused the request as invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alibaba Cloud refused the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ECI endpoint &quot;%1&quot; is not a host, host:port or http(s) URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Alibaba Cloud AccessKey is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Alibaba Cloud is throttling requests; retrying in %n s.</source>
        <translation>
            <numerusform>Alibaba Cloud is throttling requests; retrying in %n s.</numerusform>
            <numerusform>Alibaba Cloud is throttling requests; retrying in %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The ECI endpoint sent an answer larger than %n MiB; it was refused.</source>
        <translation>
            <numerusform>The ECI endpoint sent an answer larger than %n MiB; it was refused.</numerusform>
            <numerusform>The ECI endpoint sent an answer larger than %n MiB; it was refused.</numerusform>
        </translation>
    </message>
    <message>
        <source>The ECI endpoint redirected the call to %1; it was not followed, as the call carries its signature and security token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alibaba Cloud asked to wait %1 s before trying again; SandboxDesk waits %2 s at most.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EciExecSession</name>
    <message>
        <source>This command is longer than ECI allows (%1 parts of %2 characters) and cannot be sent through a terminal; run it without a terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This command is longer than ECI allows (%1 parts of %2 characters) and can only be sent with standard input open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alibaba Cloud did not open the command in the container: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alibaba Cloud did not return a usable terminal address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to the container group&apos;s terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container group sent a malformed terminal frame.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container group sent an exit status that cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command could not run in the container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container group refused the terminal connection: its address was used already or has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the container group was lost before the command ended; the command may still be running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>The connection was closed.</translation>
    </message>
</context>
<context>
    <name>EciJson</name>
    <message>
        <source>A container group name may use lower-case letters, digits and “-”, must start and end with a letter or digit and be 2 to 128 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECI does not remove a container group by itself when it stops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECI allows at most %1 tags on a container group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECI cannot map port %1 to %2: a container group exposes its containers&apos; ports as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restart policy must be Always, OnFailure or Never.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A container group keeps its own network; it cannot use “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a zone ID such as cn-hangzhou-h.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a vSwitch ID such as vsw-bp1234abcd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a security group ID such as sg-bp1234abcd.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EciLogStream</name>
    <message>
        <source>The ECI connection is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such container group, or it has no containers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>The connection was closed.</translation>
    </message>
</context>
<context>
    <name>EciStatsStream</name>
    <message>
        <source>The connection was closed.</source>
        <translation>The connection was closed.</translation>
    </message>
</context>
<context>
    <name>Endpoint</name>
    <message>
        <source>No address given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The socket path is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host name is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported address scheme “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExecProbe</name>
    <message>
        <source>This sandbox cannot run commands.</source>
        <translation type="unfinished">This sandbox cannot run commands.</translation>
    </message>
</context>
<context>
    <name>ExecSandboxFiles</name>
    <message>
        <source>Could not run a command in the sandbox: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox sent a download that cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the download: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tar could not pack “%1” in the sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox stopped reading the upload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the sandbox&apos;s host was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox is paused: its files can be browsed and copied only while it runs. Resume it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox is not running: its files can be browsed and copied only while it runs. Start it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an absolute path in the sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sandbox cannot run commands, so its files cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox sent more than %1 MiB for one listing; it was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” does not exist in the sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permission denied for “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder “%1” is not empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox&apos;s image has no “%1” command, which this needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox has no shell (/bin/sh) to run file commands with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is on a read-only file system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox has no space left on its disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command on “%1” failed in the sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox sent a listing of “%1” that cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox sent a description of “%1” that cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox sent search results under “%1” that cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox sent a count of “%1” that cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExecdAddress</name>
    <message>
        <source>The OpenSandbox server gave an execd address that cannot be used.</source>
        <translation>The OpenSandbox server gave an execd address that cannot be used.</translation>
    </message>
</context>
<context>
    <name>ExecdClient</name>
    <message>
        <source>The OpenSandbox connection is gone.</source>
        <translation type="unfinished">The OpenSandbox connection is gone.</translation>
    </message>
    <message>
        <source>The sandbox&apos;s execd does not answer; is the sandbox running?</source>
        <translation type="unfinished">The sandbox&apos;s execd does not answer; is the sandbox running?</translation>
    </message>
</context>
<context>
    <name>ExecdPtySession</name>
    <message>
        <source>execd stopped the terminal session.</source>
        <translation>execd stopped the terminal session.</translation>
    </message>
    <message>
        <source>Could not open the terminal session in execd.</source>
        <translation>Could not open the terminal session in execd.</translation>
    </message>
    <message>
        <source>Another client took over this terminal session; its shell goes on there.</source>
        <translation>Another client took over this terminal session; its shell goes on there.</translation>
    </message>
    <message>
        <source>The connection to the terminal session was lost before its shell ended.</source>
        <translation>The connection to the terminal session was lost before its shell ended.</translation>
    </message>
</context>
<context>
    <name>FilePreview</name>
    <message>
        <source>Only files can be previewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The files of this sandbox cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image is too large to preview (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a link to “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This looks like a binary file (%1); it is not shown as text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>showing the first %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lines longer than %L1 characters are cut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap long lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was deleted in the sandbox since you opened it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was changed in the sandbox since you opened it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving replaces what is there now with your version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A temporary copy could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change this file and save it back to the sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileTransfer</name>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished">Cancelled.</translation>
    </message>
    <message>
        <source>The sandbox&apos;s files are no longer available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped “%1”: it exists already.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilesWindow</name>
    <message>
        <source>Files — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the enclosing folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the folder again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a folder here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the selected item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the permissions of the selected item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the start of the selected file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show names that start with a dot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The files of this sandbox cannot be listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped waiting for the listing of “%1”. It may still be slow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be listed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hidden</source>
        <translation>
            <numerusform>%n hidden</numerusform>
            <numerusform>%n hidden</numerusform>
        </translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new folder in “%1”:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be a folder&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be a name: a name has no “/” and is not “.” or “..”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The items to delete could not be counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete “%1” and %n item(s) inside?</source>
        <translation>
            <numerusform>Delete “%1” and %n item inside?</numerusform>
            <numerusform>Delete “%1” and %n items inside?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %1 selected items and %n item(s) inside them?</source>
        <translation>
            <numerusform>Delete %1 selected items and %n item inside them?</numerusform>
            <numerusform>Delete %1 selected items and %n items inside them?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n selected item(s)?</source>
        <translation>
            <numerusform>Delete %n selected item?</numerusform>
            <numerusform>Delete %n selected items?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted files cannot be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some items could not be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed for “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard your changes to “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save or discard your changes to “%1” first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy files from this computer here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a folder from this computer here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected items to a folder on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload a Folder to “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload Files to “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download to a Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download Here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Case Sensitive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Regular Expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln matches</source>
        <translation>
            <numerusform>%Ln match</numerusform>
            <numerusform>%Ln matches</numerusform>
        </translation>
    </message>
    <message>
        <source>%L1 of %L2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HttpClient</name>
    <message>
        <source>Cannot reach the engine at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No valid address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The socket does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is listening on the socket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permission denied; the socket may need membership of its group (for Docker: docker).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HttpReply</name>
    <message>
        <source>The engine did not switch protocols.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine sent a malformed response (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected protocol switch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection closed before the engine answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection closed in the middle of a response.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished">Cancelled.</translation>
    </message>
    <message numerus="yes">
        <source>The engine at %1 did not accept the connection within %n s.</source>
        <translation>
            <numerusform>The engine at %1 did not accept the connection within %n s.</numerusform>
            <numerusform>The engine at %1 did not accept the connection within %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The engine stopped sending in the middle of a response (nothing for %n s).</source>
        <translation>
            <numerusform>The engine stopped sending in the middle of a response (nothing for %n s).</numerusform>
            <numerusform>The engine stopped sending in the middle of a response (nothing for %n s).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The engine did not answer within %n s.</source>
        <translation>
            <numerusform>The engine did not answer within %n s.</numerusform>
            <numerusform>The engine did not answer within %n s.</numerusform>
        </translation>
    </message>
    <message>
        <source>The answers from %1 being read at once would hold more than %2 MiB together; this one was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer from %1 is larger than %2 MiB, the most one request may hold.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdleCheck</name>
    <message>
        <source>The connection is gone.</source>
        <translation>The connection is gone.</translation>
    </message>
    <message>
        <source>open terminals cannot be seen on this connection</source>
        <translation>open terminals cannot be seen on this connection</translation>
    </message>
    <message>
        <source>a terminal or command is open</source>
        <translation>a terminal or command is open</translation>
    </message>
    <message>
        <source>a job is running</source>
        <translation>a job is running</translation>
    </message>
    <message>
        <source>its CPU use cannot be measured on this connection</source>
        <translation>its CPU use cannot be measured on this connection</translation>
    </message>
    <message>
        <source>it stopped while it was measured</source>
        <translation>it stopped while it was measured</translation>
    </message>
    <message>
        <source>Its CPU use could not be measured.</source>
        <translation>Its CPU use could not be measured.</translation>
    </message>
    <message>
        <source>its CPU use is %1%</source>
        <translation>its CPU use is %1%</translation>
    </message>
    <message>
        <source>not watched idle for long enough yet</source>
        <translation>not watched idle for long enough yet</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished">Cancelled.</translation>
    </message>
</context>
<context>
    <name>JobCommandActions</name>
    <message>
        <source>The command of job %1 cannot be run again: %2</source>
        <translation>The command of job %1 cannot be run again: %2</translation>
    </message>
    <message>
        <source>The command could not be started again in %1: %2</source>
        <translation>The command could not be started again in %1: %2</translation>
    </message>
    <message>
        <source>Started again in %1 as job %2.</source>
        <translation>Started again in %1 as job %2.</translation>
    </message>
    <message>
        <source>The command was copied.</source>
        <translation>The command was copied.</translation>
    </message>
    <message>
        <source>Run &amp;Again</source>
        <translation>Run &amp;Again</translation>
    </message>
    <message>
        <source>Start the same command line in the same sandbox as a new job</source>
        <translation>Start the same command line in the same sandbox as a new job</translation>
    </message>
    <message>
        <source>&amp;Copy Command</source>
        <translation>&amp;Copy Command</translation>
    </message>
</context>
<context>
    <name>JobOutput</name>
    <message>
        <source>There is no such job.</source>
        <translation>There is no such job.</translation>
    </message>
    <message>
        <source>The job stopped without an exit status; the sandbox may have restarted.</source>
        <translation>The job stopped without an exit status; the sandbox may have restarted.</translation>
    </message>
    <message>
        <source>The job&apos;s output could not be read.</source>
        <translation>The job&apos;s output could not be read.</translation>
    </message>
    <message>
        <source>This sandbox cannot run commands.</source>
        <translation>This sandbox cannot run commands.</translation>
    </message>
    <message>
        <source>The connection is gone.</source>
        <translation>The connection is gone.</translation>
    </message>
    <message>
        <source>The sandbox no longer keeps this job&apos;s output.</source>
        <translation>The sandbox no longer keeps this job&apos;s output.</translation>
    </message>
</context>
<context>
    <name>JobTableModel</name>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Exited with %1</source>
        <translation>Exited with %1</translation>
    </message>
    <message>
        <source>Killed (%1)</source>
        <translation>Killed (%1)</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Lost</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Output</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Command</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <source>The jobs could not be listed: %1</source>
        <translation>The jobs could not be listed: %1</translation>
    </message>
    <message>
        <source>Output of job %1:</source>
        <translation>Output of job %1:</translation>
    </message>
    <message>
        <source>The output of job %1 could not be read: %2</source>
        <translation>The output of job %1 could not be read: %2</translation>
    </message>
    <message>
        <source>Output of job %1 (ended):</source>
        <translation>Output of job %1 (ended):</translation>
    </message>
    <message>
        <source>Stopping job %1…</source>
        <translation>Stopping job %1…</translation>
    </message>
    <message>
        <source>Job %1 was not stopped: %2</source>
        <translation>Job %1 was not stopped: %2</translation>
    </message>
    <message>
        <source>Job %1 was stopped.</source>
        <translation>Job %1 was stopped.</translation>
    </message>
    <message>
        <source>Job %1 was not removed: %2</source>
        <translation>Job %1 was not removed: %2</translation>
    </message>
    <message>
        <source>Job %1 and its output were removed.</source>
        <translation>Job %1 and its output were removed.</translation>
    </message>
    <message>
        <source>Select a job and follow it to see its output.</source>
        <translation>Select a job and follow it to see its output.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Follow Output</source>
        <translation>&amp;Follow Output</translation>
    </message>
    <message>
        <source>&amp;Kill</source>
        <translation>&amp;Kill</translation>
    </message>
    <message>
        <source>TERM to the job&apos;s processes, then KILL 2 seconds later</source>
        <translation>TERM to the job&apos;s processes, then KILL 2 seconds later</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <source>Forget an ended job and its output</source>
        <translation>Forget an ended job and its output</translation>
    </message>
</context>
<context>
    <name>LogBuffer</name>
    <message>
        <source>Cannot create a temporary file for the log (%1); the oldest lines are dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the log to a temporary file (%1); the oldest lines are dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The temporary files hold %1 MiB, the most they may; the oldest lines are dropped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogExporter</name>
    <message>
        <source>The export was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogSearch</name>
    <message>
        <source>The regular expression is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message numerus="yes">
        <source>Jump to latest (%n new lines)</source>
        <translation>
            <numerusform>Jump to latest (%n new line)</numerusform>
            <numerusform>Jump to latest (%n new lines)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogWindow</name>
    <message>
        <source>Logs — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last lines:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ince:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep showing new output as the sandbox writes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch the logs again with these options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the lines that match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show times in UTC instead of local time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;All Lines…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Matching Lines…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the lines shown so far; new output still appears</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection is gone.</source>
        <translation>The connection is gone.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Following</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused — the sandbox stopped; resumes when it runs again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln lines</source>
        <translation>
            <numerusform>%Ln line</numerusform>
            <numerusform>%Ln lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown</source>
        <translation>
            <numerusform>%Ln shown</numerusform>
            <numerusform>%Ln shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Plain text (*.log *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation type="unfinished">JSON lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Export Matching Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The logs could not be exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The beginning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stdout and stderr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stdout only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stderr only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which of the sandbox&apos;s output streams to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap long lines instead of scrolling sideways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs — %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sandboxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Details Pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox Not Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox was created but could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About SandboxDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See, start, stop and clean up the sandboxes on your container engines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built with Qt %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Terminals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account “%1” is not connected: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a terminal in which container?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a Container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the logs of which container?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse the files of which container?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run commands in which container?</source>
        <translation>Run commands in which container?</translation>
    </message>
    <message>
        <source>Run Commands</source>
        <translation>Run Commands</translation>
    </message>
    <message>
        <source>&amp;Idle Clean-Up for All Its Sandboxes</source>
        <translation>&amp;Idle Clean-Up for All Its Sandboxes</translation>
    </message>
    <message>
        <source>Let clean-up remove any sandbox of %1 once it has been idle long enough</source>
        <translation>Let clean-up remove any sandbox of %1 once it has been idle long enough</translation>
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
        <translation>The OpenSandbox server sent a sandbox list without its items.</translation>
    </message>
    <message>
        <source>The OpenSandbox server kept sending further pages of the sandbox list.</source>
        <translation>The OpenSandbox server kept sending further pages of the sandbox list.</translation>
    </message>
    <message>
        <source>&amp;Metadata:</source>
        <translation>&amp;Metadata:</translation>
    </message>
    <message>
        <source>tail -f /dev/null</source>
        <translation>tail -f /dev/null</translation>
    </message>
    <message>
        <source>The OpenSandbox server created a sandbox without naming it.</source>
        <translation>The OpenSandbox server created a sandbox without naming it.</translation>
    </message>
    <message>
        <source>OpenSandbox sandboxes cannot be told to “%1”; they can be paused, resumed, renewed or deleted.</source>
        <translation>OpenSandbox sandboxes cannot be told to “%1”; they can be paused, resumed, renewed or deleted.</translation>
    </message>
    <message>
        <source>An OpenSandbox server has no image list: a sandbox pulls its image when it is created.</source>
        <translation>An OpenSandbox server has no image list: a sandbox pulls its image when it is created.</translation>
    </message>
    <message>
        <source>An OpenSandbox server cannot pull “%1” ahead of time: a sandbox pulls its image when it is created.</source>
        <translation>An OpenSandbox server cannot pull “%1” ahead of time: a sandbox pulls its image when it is created.</translation>
    </message>
    <message>
        <source>An OpenSandbox sandbox&apos;s lifetime can be renewed but not removed.</source>
        <translation>An OpenSandbox sandbox&apos;s lifetime can be renewed but not removed.</translation>
    </message>
</context>
<context>
    <name>OpenSandboxBackgroundCommands</name>
    <message>
        <source>execd did not name the background command.</source>
        <translation>execd did not name the background command.</translation>
    </message>
    <message>
        <source>execd&apos;s answer about a command is not JSON.</source>
        <translation>execd&apos;s answer about a command is not JSON.</translation>
    </message>
</context>
<context>
    <name>OpenSandboxClient</name>
    <message>
        <source>The OpenSandbox server sent an answer that is not a JSON object.</source>
        <translation>The OpenSandbox server sent an answer that is not a JSON object.</translation>
    </message>
    <message>
        <source>The OpenSandbox domain “%1” is not a host, host:port or http(s) URL.</source>
        <translation>The OpenSandbox domain “%1” is not a host, host:port or http(s) URL.</translation>
    </message>
    <message>
        <source>No OpenSandbox API key is configured.</source>
        <translation>No OpenSandbox API key is configured.</translation>
    </message>
    <message>
        <source>The OpenSandbox server refused the API key.</source>
        <translation>The OpenSandbox server refused the API key.</translation>
    </message>
    <message>
        <source>This API key is not allowed to do this on the OpenSandbox server.</source>
        <translation>This API key is not allowed to do this on the OpenSandbox server.</translation>
    </message>
    <message>
        <source>No such sandbox on the OpenSandbox server.</source>
        <translation>No such sandbox on the OpenSandbox server.</translation>
    </message>
    <message>
        <source>The sandbox is not in a state that allows this operation.</source>
        <translation>The sandbox is not in a state that allows this operation.</translation>
    </message>
    <message>
        <source>The OpenSandbox server failed to process the request.</source>
        <translation>The OpenSandbox server failed to process the request.</translation>
    </message>
    <message>
        <source>The OpenSandbox server refused the request as invalid.</source>
        <translation>The OpenSandbox server refused the request as invalid.</translation>
    </message>
    <message>
        <source>Cannot reach the OpenSandbox server at %1.</source>
        <translation>Cannot reach the OpenSandbox server at %1.</translation>
    </message>
    <message>
        <source>The OpenSandbox server at %1 did not answer in time.</source>
        <translation>The OpenSandbox server at %1 did not answer in time.</translation>
    </message>
    <message>
        <source>The OpenSandbox server at %1 sent a malformed answer.</source>
        <translation>The OpenSandbox server at %1 sent a malformed answer.</translation>
    </message>
</context>
<context>
    <name>OpenSandboxExecSession</name>
    <message>
        <source>The OpenSandbox connection is gone.</source>
        <translation>The OpenSandbox connection is gone.</translation>
    </message>
    <message>
        <source>[OpenSandbox runs this command without a terminal; typed input is not passed on.]
</source>
        <translation>[OpenSandbox runs this command without a terminal; typed input is not passed on.]
</translation>
    </message>
    <message numerus="yes">
        <source>execd sent an event larger than %n MiB.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The command&apos;s output stream ended before the command started.</source>
        <translation>The command&apos;s output stream ended before the command started.</translation>
    </message>
    <message>
        <source>execd could not run the command.</source>
        <translation>execd could not run the command.</translation>
    </message>
    <message>
        <source>[execd opens terminals as its own user only: this command runs as %1 without a terminal, and typed input is not passed on.]
</source>
        <translation>[execd opens terminals as its own user only: this command runs as %1 without a terminal, and typed input is not passed on.]
</translation>
    </message>
    <message>
        <source>[This sandbox&apos;s execd has no terminal sessions: the command runs without a terminal, and typed input is not passed on.]
</source>
        <translation>[This sandbox&apos;s execd has no terminal sessions: the command runs without a terminal, and typed input is not passed on.]
</translation>
    </message>
    <message>
        <source>execd did not name the terminal session.</source>
        <translation>execd did not name the terminal session.</translation>
    </message>
</context>
<context>
    <name>OpenSandboxFiles</name>
    <message>
        <source>The OpenSandbox connection is gone.</source>
        <translation>The OpenSandbox connection is gone.</translation>
    </message>
    <message>
        <source>The sandbox is not running: its execd cannot answer.</source>
        <translation>The sandbox is not running: its execd cannot answer.</translation>
    </message>
    <message>
        <source>No such file or folder: %1</source>
        <translation>No such file or folder: %1</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 is not a folder.</translation>
    </message>
    <message>
        <source>%1 exists already.</source>
        <translation>%1 exists already.</translation>
    </message>
    <message>
        <source>%1 is a folder that is not empty.</source>
        <translation>%1 is a folder that is not empty.</translation>
    </message>
    <message>
        <source>Could not store what was downloaded.</source>
        <translation>Could not store what was downloaded.</translation>
    </message>
    <message>
        <source>Could not download %1.</source>
        <translation>Could not download %1.</translation>
    </message>
    <message>
        <source>%1 became shorter while it was downloaded.</source>
        <translation>%1 became shorter while it was downloaded.</translation>
    </message>
    <message>
        <source>“%1” is a folder; a file cannot replace it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpenSandboxJson</name>
    <message>
        <source>An OpenSandbox name is kept as metadata: at most 63 letters, digits, “-”, “_” and “.”, starting and ending with a letter or digit.</source>
        <translation>An OpenSandbox name is kept as metadata: at most 63 letters, digits, “-”, “_” and “.”, starting and ending with a letter or digit.</translation>
    </message>
    <message>
        <source>Metadata key “%1” uses the prefix opensandbox.io/, which the server keeps for itself.</source>
        <translation>Metadata key “%1” uses the prefix opensandbox.io/, which the server keeps for itself.</translation>
    </message>
    <message>
        <source>Metadata key “%1” is not a valid label name.</source>
        <translation>Metadata key “%1” is not a valid label name.</translation>
    </message>
    <message>
        <source>Metadata value “%1” of “%2” is not a valid label value: at most 63 letters, digits, “-”, “_” and “.”.</source>
        <translation>Metadata value “%1” of “%2” is not a valid label value: at most 63 letters, digits, “-”, “_” and “.”.</translation>
    </message>
    <message>
        <source>The metadata “name” and the name differ; an OpenSandbox name is that metadata.</source>
        <translation>The metadata “name” and the name differ; an OpenSandbox name is that metadata.</translation>
    </message>
    <message>
        <source>An OpenSandbox lifetime is from %1 seconds to %2 seconds (a day), or none.</source>
        <translation>An OpenSandbox lifetime is from %1 seconds to %2 seconds (a day), or none.</translation>
    </message>
    <message>
        <source>OpenSandbox has no working directory for the entry process.</source>
        <translation>OpenSandbox has no working directory for the entry process.</translation>
    </message>
    <message>
        <source>OpenSandbox chooses a sandbox&apos;s network itself; it cannot use “%1”.</source>
        <translation>OpenSandbox chooses a sandbox&apos;s network itself; it cannot use “%1”.</translation>
    </message>
    <message>
        <source>OpenSandbox publishes no ports when it creates a sandbox; ask for a port&apos;s endpoint instead.</source>
        <translation>OpenSandbox publishes no ports when it creates a sandbox; ask for a port&apos;s endpoint instead.</translation>
    </message>
    <message>
        <source>OpenSandbox removes a sandbox when its lifetime ends; give it a lifetime instead.</source>
        <translation>OpenSandbox removes a sandbox when its lifetime ends; give it a lifetime instead.</translation>
    </message>
</context>
<context>
    <name>OpenSandboxLogStream</name>
    <message>
        <source>The OpenSandbox connection is gone.</source>
        <translation>The OpenSandbox connection is gone.</translation>
    </message>
    <message>
        <source>The OpenSandbox server sent a log that is not text.</source>
        <translation>The OpenSandbox server sent a log that is not text.</translation>
    </message>
</context>
<context>
    <name>OpenSandboxServer</name>
    <message>
        <source>The server name may use letters, digits, spaces, “.”, “@”, “_” and “-”, must start with a letter or digit and be at most 64 characters.</source>
        <translation>The server name may use letters, digits, spaces, “.”, “@”, “_” and “-”, must start with a letter or digit and be at most 64 characters.</translation>
    </message>
    <message>
        <source>The protocol is http or https.</source>
        <translation>The protocol is http or https.</translation>
    </message>
    <message>
        <source>The domain is required, for example localhost:8080.</source>
        <translation>The domain is required, for example localhost:8080.</translation>
    </message>
</context>
<context>
    <name>OpenSandboxServerEditor</name>
    <message>
        <source>Add OpenSandbox Server</source>
        <translation>Add OpenSandbox Server</translation>
    </message>
    <message>
        <source>Edit OpenSandbox Server</source>
        <translation>Edit OpenSandbox Server</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Domain:</source>
        <translation>&amp;Domain:</translation>
    </message>
    <message>
        <source>&amp;Protocol:</source>
        <translation>&amp;Protocol:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API &amp;key:</translation>
    </message>
    <message>
        <source>Kept in the keychain</source>
        <translation>Kept in the keychain</translation>
    </message>
    <message>
        <source>Unchanged unless you type a new one</source>
        <translation>Unchanged unless you type a new one</translation>
    </message>
    <message>
        <source>Reach commands and files through the server&apos;s &amp;proxy</source>
        <translation>Reach commands and files through the server&apos;s &amp;proxy</translation>
    </message>
    <message>
        <source>For servers whose sandboxes cannot be reached from this computer directly.</source>
        <translation>For servers whose sandboxes cannot be reached from this computer directly.</translation>
    </message>
    <message>
        <source>Keep for this &amp;session only (the key stays in memory and is forgotten when SandboxDesk quits)</source>
        <translation>Keep for this &amp;session only (the key stays in memory and is forgotten when SandboxDesk quits)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>A server named “%1” exists already.</source>
        <translation>A server named “%1” exists already.</translation>
    </message>
    <message>
        <source>The API key is required.</source>
        <translation>The API key is required.</translation>
    </message>
    <message>
        <source>Type the API key again to keep it elsewhere.</source>
        <translation>Type the API key again to keep it elsewhere.</translation>
    </message>
    <message>
        <source>Saving in the keychain…</source>
        <translation>Saving in the keychain…</translation>
    </message>
    <message>
        <source>The server was not saved: %1
You can keep it for this session only.</source>
        <translation>The server was not saved: %1
You can keep it for this session only.</translation>
    </message>
    <message>
        <source>The server was not saved: %1</source>
        <translation>The server was not saved: %1</translation>
    </message>
</context>
<context>
    <name>OpenSandboxServersPanel</name>
    <message>
        <source>OpenSandbox servers</source>
        <translation>OpenSandbox servers</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>Commands and files</source>
        <translation>Commands and files</translation>
    </message>
    <message>
        <source>API key kept in</source>
        <translation>API key kept in</translation>
    </message>
    <message>
        <source>Add &amp;Server…</source>
        <translation>Add &amp;Server…</translation>
    </message>
    <message>
        <source>Edit Ser&amp;ver…</source>
        <translation>Edit Ser&amp;ver…</translation>
    </message>
    <message>
        <source>Remove Serve&amp;r</source>
        <translation>Remove Serve&amp;r</translation>
    </message>
    <message>
        <source>Import from &amp;OPEN_SANDBOX_DOMAIN</source>
        <translation>Import from &amp;OPEN_SANDBOX_DOMAIN</translation>
    </message>
    <message>
        <source>Takes the server and key the OpenSandbox SDKs read from OPEN_SANDBOX_DOMAIN and OPEN_SANDBOX_API_KEY.</source>
        <translation>Takes the server and key the OpenSandbox SDKs read from OPEN_SANDBOX_DOMAIN and OPEN_SANDBOX_API_KEY.</translation>
    </message>
    <message>
        <source>Through the server</source>
        <translation>Through the server</translation>
    </message>
    <message>
        <source>Directly</source>
        <translation>Directly</translation>
    </message>
    <message>
        <source>Memory (this session)</source>
        <translation>Memory (this session)</translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation>Keychain</translation>
    </message>
    <message>
        <source>Saved “%1”; its sandboxes appear in the list once the server answers.</source>
        <translation>Saved “%1”; its sandboxes appear in the list once the server answers.</translation>
    </message>
    <message>
        <source>Neither OPEN_SANDBOX_DOMAIN nor OPEN_SANDBOX_API_KEY is set in SandboxDesk&apos;s environment.</source>
        <translation>Neither OPEN_SANDBOX_DOMAIN nor OPEN_SANDBOX_API_KEY is set in SandboxDesk&apos;s environment.</translation>
    </message>
    <message>
        <source>Remove OpenSandbox Server</source>
        <translation>Remove OpenSandbox Server</translation>
    </message>
    <message>
        <source>Remove “%1” and its API key? Its sandboxes stay on the server.</source>
        <translation>Remove “%1” and its API key? Its sandboxes stay on the server.</translation>
    </message>
    <message>
        <source>“%1” was removed, but its API key could not be removed from the keychain: %2</source>
        <translation>“%1” was removed, but its API key could not be removed from the keychain: %2</translation>
    </message>
    <message>
        <source>Removed “%1” and its API key.</source>
        <translation>Removed “%1” and its API key.</translation>
    </message>
</context>
<context>
    <name>OpenSandboxStatsStream</name>
    <message>
        <source>The OpenSandbox connection is gone.</source>
        <translation type="unfinished">The OpenSandbox connection is gone.</translation>
    </message>
    <message>
        <source>execd sent a metrics line that is too long.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpenSandboxUpload</name>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>There is no archive to upload.</source>
        <translation>There is no archive to upload.</translation>
    </message>
    <message>
        <source>Left out what execd cannot make (links and special files): %1</source>
        <translation>Left out what execd cannot make (links and special files): %1</translation>
    </message>
    <message>
        <source>The archive is damaged.</source>
        <translation>The archive is damaged.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>execd answered before %1 was sent whole.</source>
        <translation>execd answered before %1 was sent whole.</translation>
    </message>
    <message>
        <source>The archive ended in the middle of an entry.</source>
        <translation>The archive ended in the middle of an entry.</translation>
    </message>
</context>
<context>
    <name>OperationProgress</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackageManagers</name>
    <message>
        <source>No package manager was found in this sandbox: none of apt-get with dpkg-query, apk, pip3, pip or npm is on its PATH.</source>
        <translation>No package manager was found in this sandbox: none of apt-get with dpkg-query, apk, pip3, pip or npm is on its PATH.</translation>
    </message>
    <message>
        <source>Name at least one package.</source>
        <translation>Name at least one package.</translation>
    </message>
    <message>
        <source>A package name is empty.</source>
        <translation>A package name is empty.</translation>
    </message>
    <message>
        <source>“%1” is not a package name: it begins with “-”.</source>
        <translation>“%1” is not a package name: it begins with “-”.</translation>
    </message>
    <message>
        <source>“%1” is not a package name: it holds a blank or a control character.</source>
        <translation>“%1” is not a package name: it holds a blank or a control character.</translation>
    </message>
    <message>
        <source>%1 did not list its packages in time.</source>
        <translation>%1 did not list its packages in time.</translation>
    </message>
    <message>
        <source>%1 printed more than SandboxDesk reads.</source>
        <translation>%1 printed more than SandboxDesk reads.</translation>
    </message>
    <message>
        <source>%1 failed with exit code %2.</source>
        <translation>%1 failed with exit code %2.</translation>
    </message>
    <message>
        <source>%1 printed something SandboxDesk cannot read.</source>
        <translation>%1 printed something SandboxDesk cannot read.</translation>
    </message>
</context>
<context>
    <name>PackageTableModel</name>
    <message>
        <source>Package</source>
        <translation>Package</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
</context>
<context>
    <name>PackagesPanel</name>
    <message>
        <source>The connection is gone.</source>
        <translation>The connection is gone.</translation>
    </message>
    <message>
        <source>Looking for package managers in the sandbox…</source>
        <translation>Looking for package managers in the sandbox…</translation>
    </message>
    <message>
        <source>Could not look for package managers: %1</source>
        <translation>Could not look for package managers: %1</translation>
    </message>
    <message>
        <source>Listing the packages of %1…</source>
        <translation>Listing the packages of %1…</translation>
    </message>
    <message>
        <source>Could not list the packages: %1</source>
        <translation>Could not list the packages: %1</translation>
    </message>
    <message>
        <source>Packages installed with %1: %2</source>
        <translation>Packages installed with %1: %2</translation>
    </message>
    <message>
        <source>Packages installed with %1: %2, of which %3 match the filter</source>
        <translation>Packages installed with %1: %2, of which %3 match the filter</translation>
    </message>
    <message>
        <source>Installing %1 with %2…</source>
        <translation>Installing %1 with %2…</translation>
    </message>
    <message>
        <source>Removing %1 with %2…</source>
        <translation>Removing %1 with %2…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <source>Could not run: %1</source>
        <translation>Could not run: %1</translation>
    </message>
    <message>
        <source>Cancelled · exit code %1 · %2</source>
        <translation>Cancelled · exit code %1 · %2</translation>
    </message>
    <message>
        <source>Exit code %1 · %2</source>
        <translation>Exit code %1 · %2</translation>
    </message>
    <message>
        <source>&amp;Manager:</source>
        <translation>&amp;Manager:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Look for the package managers again and list their packages</source>
        <translation>Look for the package managers again and list their packages</translation>
    </message>
    <message>
        <source>Filter by name or version</source>
        <translation>Filter by name or version</translation>
    </message>
    <message>
        <source>&amp;Packages:</source>
        <translation>&amp;Packages:</translation>
    </message>
    <message>
        <source>names to install, separated by blanks, e.g. curl jq</source>
        <translation>names to install, separated by blanks, e.g. curl jq</translation>
    </message>
    <message>
        <source>&amp;Install</source>
        <translation>&amp;Install</translation>
    </message>
    <message>
        <source>Install the named packages (apt runs apt-get update first)</source>
        <translation>Install the named packages (apt runs apt-get update first)</translation>
    </message>
    <message>
        <source>Re&amp;move Selected</source>
        <translation>Re&amp;move Selected</translation>
    </message>
    <message>
        <source>Remove the packages selected in the list</source>
        <translation>Remove the packages selected in the list</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Stop the package manager and everything it started: TERM, then KILL 2 seconds later</source>
        <translation>Stop the package manager and everything it started: TERM, then KILL 2 seconds later</translation>
    </message>
    <message>
        <source>Remove Packages</source>
        <translation>Remove Packages</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n package(s) with %1 from the sandbox “%2”?</source>
        <translation>
            <numerusform>Remove %n package with %1 from the sandbox “%2”?</numerusform>
            <numerusform>Remove %n packages with %1 from the sandbox “%2”?</numerusform>
        </translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>PathBar</name>
    <message>
        <source>Type a path and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the path (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PermissionsDialog</name>
    <message>
        <source>Change Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions of “%1”:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Special</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set user ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set group ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sticky</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Octal:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>“%1” is not an engine address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished">&amp;Language:</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ask before deleting sandboxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start new sandboxes after creating them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker Engines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Besides the engine found like the docker CLI finds it (DOCKER_HOST, the current context, the default socket), SandboxDesk connects to these addresses:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example tcp://host:2375 or ssh://user@host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session Log Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder for the session logs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session-log folder must be a full path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one format for the session logs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log &amp;memory per window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Older lines of a bigger log move to a temporary file, removed with the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the system&apos;s &amp;fixed-width font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ont:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines of &amp;history:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let programs set the &amp;clipboard (OSC 52)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blin&amp;king cursor when the program asks for one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a &amp;log of every session when it ends or its tab closes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fol&amp;der:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain &amp;text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HT&amp;ML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;asciicast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove e&amp;xpired sandboxes every:</source>
        <translation>Remove e&amp;xpired sandboxes every:</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Record &amp;keystrokes in session logs and exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you type, passwords at prompts that do not echo included; off, only what the terminal showed is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…and sandboxes opted in to idle clean-up, idle &amp;for:</source>
        <translation>…and sandboxes opted in to idle clean-up, idle &amp;for:</translation>
    </message>
    <message>
        <source>Only sandboxes (or connections) you chose Idle Clean-Up for; idle is no terminal, command or job open and CPU below the threshold, or stopped</source>
        <translation>Only sandboxes (or connections) you chose Idle Clean-Up for; idle is no terminal, command or job open and CPU below the threshold, or stopped</translation>
    </message>
    <message>
        <source>Idle &amp;means CPU below:</source>
        <translation>Idle &amp;means CPU below:</translation>
    </message>
    <message>
        <source> % of a core</source>
        <translation> % of a core</translation>
    </message>
</context>
<context>
    <name>PreviewText</name>
    <message>
        <source>UTF-8 with BOM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latin-1 (not valid UTF-8, shown byte by byte)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>binary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemoteFileModel</name>
    <message>
        <source>The listing was abandoned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResourceCharts</name>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>No measurements yet. Live figures come while the sandbox runs and is shown.</source>
        <translation>No measurements yet. Live figures come while the sandbox runs and is shown.</translation>
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
        <translation>Memory</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>in %1, out %2</source>
        <translation>in %1, out %2</translation>
    </message>
    <message>
        <source>Block I/O</source>
        <translation>Block I/O</translation>
    </message>
    <message>
        <source>read %1, written %2</source>
        <translation>read %1, written %2</translation>
    </message>
</context>
<context>
    <name>Run</name>
    <message>
        <source>The process did not end after it was stopped; SandboxDesk no longer follows it.</source>
        <translation>The process did not end after it was stopped; SandboxDesk no longer follows it.</translation>
    </message>
    <message>
        <source>There is no command to run.</source>
        <translation>There is no command to run.</translation>
    </message>
    <message>
        <source>This sandbox cannot run commands.</source>
        <translation>This sandbox cannot run commands.</translation>
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <source>Write a script to run.</source>
        <translation>Write a script to run.</translation>
    </message>
    <message>
        <source>Type a command to run.</source>
        <translation>Type a command to run.</translation>
    </message>
    <message>
        <source>“%1” is not NAME=VALUE.</source>
        <translation>“%1” is not NAME=VALUE.</translation>
    </message>
    <message>
        <source>“%1” is not a time limit such as 30s, 10m or 2h.</source>
        <translation>“%1” is not a time limit such as 30s, 10m or 2h.</translation>
    </message>
    <message>
        <source>The connection is gone.</source>
        <translation>The connection is gone.</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Running…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <source>Starting the job…</source>
        <translation>Starting the job…</translation>
    </message>
    <message>
        <source>The job was not started: %1</source>
        <translation>The job was not started: %1</translation>
    </message>
    <message>
        <source>Started job %1; it runs on in the sandbox.</source>
        <translation>Started job %1; it runs on in the sandbox.</translation>
    </message>
    <message>
        <source>Could not run: %1</source>
        <translation>Could not run: %1</translation>
    </message>
    <message>
        <source>Stopped after its time limit of %1 · exit code %2 · %3</source>
        <translation>Stopped after its time limit of %1 · exit code %2 · %3</translation>
    </message>
    <message>
        <source>Cancelled · exit code %1 · %2</source>
        <translation>Cancelled · exit code %1 · %2</translation>
    </message>
    <message>
        <source>Exit code %1 · %2</source>
        <translation>Exit code %1 · %2</translation>
    </message>
    <message>
        <source>&amp;Run:</source>
        <translation>&amp;Run:</translation>
    </message>
    <message>
        <source>A command line</source>
        <translation>A command line</translation>
    </message>
    <message>
        <source>A script (sh, or its #! line)</source>
        <translation>A script (sh, or its #! line)</translation>
    </message>
    <message>
        <source>for example: ls -la /tmp</source>
        <translation>for example: ls -la /tmp</translation>
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
        <translation>&amp;Folder:</translation>
    </message>
    <message>
        <source>the sandbox&apos;s own working folder</source>
        <translation>the sandbox&apos;s own working folder</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Environment:</translation>
    </message>
    <message>
        <source>NAME=value NAME2=&apos;with spaces&apos;</source>
        <translation>NAME=value NAME2=&apos;with spaces&apos;</translation>
    </message>
    <message>
        <source>&amp;Time limit:</source>
        <translation>&amp;Time limit:</translation>
    </message>
    <message>
        <source>none; for example 30s, 10m, 2h</source>
        <translation>none; for example 30s, 10m, 2h</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Start as &amp;Job</source>
        <translation>Start as &amp;Job</translation>
    </message>
    <message>
        <source>Start the command in the background; it runs on when this window closes</source>
        <translation>Start the command in the background; it runs on when this window closes</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Stop the process and everything it started: TERM, then KILL 2 seconds later</source>
        <translation>Stop the process and everything it started: TERM, then KILL 2 seconds later</translation>
    </message>
    <message>
        <source>Cop&amp;y Output</source>
        <translation>Cop&amp;y Output</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>C&amp;lear</translation>
    </message>
    <message>
        <source>Looking for %1 in the sandbox…</source>
        <translation>Looking for %1 in the sandbox…</translation>
    </message>
    <message>
        <source>This sandbox has no %1: none of %2 was found.</source>
        <translation>This sandbox has no %1: none of %2 was found.</translation>
    </message>
    <message>
        <source>%1 found at %2</source>
        <translation>%1 found at %2</translation>
    </message>
    <message>
        <source>Running with %1…</source>
        <translation>Running with %1…</translation>
    </message>
    <message>
        <source>Code (Python, Node.js or sh found in the sandbox)</source>
        <translation>Code (Python, Node.js or sh found in the sandbox)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Export the Output</source>
        <translation>Export the Output</translation>
    </message>
    <message>
        <source>Plain text (*.txt *.log)</source>
        <translation>Plain text (*.txt *.log)</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON lines (*.jsonl)</translation>
    </message>
    <message>
        <source>The output was saved to %1.</source>
        <translation>The output was saved to %1.</translation>
    </message>
    <message>
        <source>The output was not saved: %1</source>
        <translation>The output was not saved: %1</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message>
        <source>Save the output as text, or as JSON lines with each chunk&apos;s stream and time</source>
        <translation>Save the output as text, or as JSON lines with each chunk&apos;s stream and time</translation>
    </message>
</context>
<context>
    <name>RunWindow</name>
    <message>
        <source>Run in %1</source>
        <translation>Run in %1</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>Packages</translation>
    </message>
</context>
<context>
    <name>Sandbox</name>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished">Running</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exited</source>
        <translation type="unfinished">Exited</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory out of range</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SandboxCommands</name>
    <message>
        <source>Delete the sandbox “%1”? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete these %1 sandboxes? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Sandboxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished">… and %1 more</translation>
    </message>
    <message>
        <source>Also remove running ones (force)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” failed for %2 of %3 sandboxes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew Sandboxes</source>
        <translation>Renew Sandboxes</translation>
    </message>
    <message numerus="yes">
        <source>Keep %n sandbox(es) for this long from now (for example 90m, 12h or 2d):</source>
        <translation>
            <numerusform>Keep the sandbox for this long from now (for example 90m, 12h or 2d):</numerusform>
            <numerusform>Keep %n sandboxes for this long from now (for example 90m, 12h or 2d):</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is not a duration such as 90m, 12h or 2d.</source>
        <translation>“%1” is not a duration such as 90m, 12h or 2d.</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>Renew</translation>
    </message>
    <message>
        <source>Clean Up</source>
        <translation>Clean Up</translation>
    </message>
    <message>
        <source>Allow Idle Clean-Up</source>
        <translation>Allow Idle Clean-Up</translation>
    </message>
    <message>
        <source>Stop Idle Clean-Up</source>
        <translation>Stop Idle Clean-Up</translation>
    </message>
    <message>
        <source>Allow Idle Clean-Up for the Connection</source>
        <translation>Allow Idle Clean-Up for the Connection</translation>
    </message>
    <message>
        <source>Stop Idle Clean-Up for the Connection</source>
        <translation>Stop Idle Clean-Up for the Connection</translation>
    </message>
    <message>
        <source>Idle Clean-Up</source>
        <translation>Idle Clean-Up</translation>
    </message>
</context>
<context>
    <name>SandboxDetails</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Running for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exited (code %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exited (code %1) just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exited (code %1) %2 ago</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SandboxFiles</name>
    <message>
        <source>This sandbox cannot promise to keep the owners of uploaded files.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SandboxJobs</name>
    <message>
        <source>There is no job “%1” in this sandbox.</source>
        <translation>There is no job “%1” in this sandbox.</translation>
    </message>
    <message>
        <source>A job “%1” exists already.</source>
        <translation>A job “%1” exists already.</translation>
    </message>
    <message>
        <source>Job “%1” is still running; stop it first.</source>
        <translation>Job “%1” is still running; stop it first.</translation>
    </message>
    <message>
        <source>The job could not be started in the sandbox (it needs a writable /tmp).</source>
        <translation>The job could not be started in the sandbox (it needs a writable /tmp).</translation>
    </message>
    <message>
        <source>Job “%1” stopped without an exit status; the sandbox may have restarted.</source>
        <translation>Job “%1” stopped without an exit status; the sandbox may have restarted.</translation>
    </message>
    <message>
        <source>The command in the sandbox failed.</source>
        <translation>The command in the sandbox failed.</translation>
    </message>
    <message>
        <source>This sandbox cannot run commands.</source>
        <translation>This sandbox cannot run commands.</translation>
    </message>
    <message>
        <source>“%1” is not a job id.</source>
        <translation>“%1” is not a job id.</translation>
    </message>
    <message>
        <source>There is no command to run.</source>
        <translation>There is no command to run.</translation>
    </message>
    <message>
        <source>The sandbox did not confirm the job.</source>
        <translation>The sandbox did not confirm the job.</translation>
    </message>
    <message>
        <source>The sandbox sent no exit status.</source>
        <translation>The sandbox sent no exit status.</translation>
    </message>
    <message>
        <source>The connection is gone.</source>
        <translation>The connection is gone.</translation>
    </message>
    <message>
        <source>The sandbox ended job “%1” without an exit status.</source>
        <translation>The sandbox ended job “%1” without an exit status.</translation>
    </message>
</context>
<context>
    <name>SandboxSpec</name>
    <message>
        <source>An image is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image name must not contain spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name may use letters, digits, “_”, “.” and “-”, must start with a letter or digit and be 2 to 128 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment entry “%1” is not KEY=VALUE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPUs must be between 0 (no limit) and 1024.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory must be at least 6 MiB, or empty for no limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The working directory must be an absolute path.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SandboxTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Expires %1</source>
        <translation>Expires %1</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expired</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memory</translation>
    </message>
    <message>
        <source>Time Left</source>
        <translation>Time Left</translation>
    </message>
</context>
<context>
    <name>SandboxTableView</name>
    <message>
        <source>Search by name, image or ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n sandbox(es) shown</source>
        <translation>
            <numerusform>%n sandbox shown</numerusform>
            <numerusform>%n sandboxes shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sandbox(es) shown · of the %1 measured: CPU %2 %, memory %3</source>
        <translation>
            <numerusform>%n sandbox shown · of the %1 measured: CPU %2 %, memory %3</numerusform>
            <numerusform>%n sandboxes shown · of the %1 measured: CPU %2 %, memory %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionExporter</name>
    <message>
        <source>Terminal session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SharedFile</name>
    <message>
        <source>Cannot make the folder %1.</source>
        <translation type="unfinished">Cannot make the folder %1.</translation>
    </message>
    <message>
        <source>Another program holds %1.</source>
        <translation type="unfinished">Another program holds %1.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished">Cannot write %1.</translation>
    </message>
</context>
<context>
    <name>ShellWords</name>
    <message>
        <source>The command ends in a backslash with nothing after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A single quote (&apos;) is not closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A double quote (&quot;) is not closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SshMultiplexer</name>
    <message>
        <source>No private folder for the ssh control sockets could be made in %1.</source>
        <translation>No private folder for the ssh control sockets could be made in %1.</translation>
    </message>
    <message>
        <source>ssh ended without saying why.</source>
        <translation>ssh ended without saying why.</translation>
    </message>
    <message>
        <source>Could not log in to %1 over ssh: %2</source>
        <translation>Could not log in to %1 over ssh: %2</translation>
    </message>
    <message numerus="yes">
        <source>Could not log in to %1 over ssh: no answer within %n s.</source>
        <translation>
            <numerusform>Could not log in to %1 over ssh: no answer within %n s.</numerusform>
            <numerusform>Could not log in to %1 over ssh: no answer within %n s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusSummary</name>
    <message>
        <source>Sandboxes: %1 · Running: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: engine %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TarExtractor</name>
    <message>
        <source>Refused “%1”: it would be written through the symbolic link “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused “%1”: “%2” is not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the folder “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished">Cancelled.</translation>
    </message>
    <message>
        <source>The archive is damaged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused “%1”: a folder of that name exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a FIFO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a device node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of an unknown type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped “%1”: it is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused “%1”: something that is not a folder has that name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused the hard link “%1”: its target “%2” is outside the folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused the hard link “%1”: its target “%2” is not a file extracted here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the folder “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused an entry without a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused “%1”: absolute names are not extracted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused “%1”: names with “..” are not extracted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TarHeadSink</name>
    <message>
        <source>The archive holds no file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive is damaged.</source>
        <translation type="unfinished">The archive is damaged.</translation>
    </message>
    <message>
        <source>The archive ended early.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TarPacker</name>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished">Cancelled.</translation>
    </message>
    <message>
        <source>Could not write the archive: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out “%1”: only files, folders and symbolic links are uploaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the folder “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TerminalSession</name>
    <message>
        <source>The connection was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection cannot open terminals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session ended (exit code %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TerminalTab</name>
    <message>
        <source>Export Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session could not be exported.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As &amp;Plain Text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As &amp;HTML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As &amp;asciicast…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move to Own Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move Back to Tabs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asciicast files (*.cast)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An export of this session is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TerminalTabs</name>
    <message>
        <source>Terminal menu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TerminalView</name>
    <message>
        <source>Find in terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+click to open %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransfersPanel</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished">%1/s {1 ?}</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↓ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for your answer about “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Done; %n item(s) left out</source>
        <translation>
            <numerusform>Done; %n item left out</numerusform>
            <numerusform>Done; %n items left out</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; nothing of it was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder named “%1” is already there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file named “%1” is already there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name Already Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overwrite merges the folders; files with the same name are replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overwrite replaces the file that is there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep Both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do the same for the other names already there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No transfers yet. Drop files on the list to upload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n transfer(s)</source>
        <translation>
            <numerusform>%n transfer</numerusform>
            <numerusform>%n transfers</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a sandbox (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh &amp;Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Activity Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About SandboxDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse &amp;Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alibaba Cloud accounts for ECI and OpenSandbox servers</source>
        <translation>Alibaba Cloud accounts for ECI and OpenSandbox servers</translation>
    </message>
    <message>
        <source>Re&amp;new…</source>
        <translation>Re&amp;new…</translation>
    </message>
    <message>
        <source>&amp;Clean Up…</source>
        <translation>&amp;Clean Up…</translation>
    </message>
    <message>
        <source>&amp;Jobs in All Sandboxes</source>
        <translation>&amp;Jobs in All Sandboxes</translation>
    </message>
    <message>
        <source>R&amp;un Commands, Jobs and Packages…</source>
        <translation>R&amp;un Commands, Jobs and Packages…</translation>
    </message>
    <message>
        <source>&amp;Idle Clean-Up</source>
        <translation>&amp;Idle Clean-Up</translation>
    </message>
    <message>
        <source>Let clean-up remove the selected sandboxes once they have been idle long enough</source>
        <translation>Let clean-up remove the selected sandboxes once they have been idle long enough</translation>
    </message>
</context>
<context>
    <name>WindowPages</name>
    <message>
        <source>No sandboxes yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a sandbox from an image to get started. Sandboxes created with the docker CLI or any other tool appear here too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1 at %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No engine address is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you can do:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the engine: &lt;code&gt;sudo systemctl start docker&lt;/code&gt;, or for Podman &lt;code&gt;systemctl --user start podman.socket&lt;/code&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If access to the socket is denied, add yourself to the &lt;code&gt;docker&lt;/code&gt; group (&lt;code&gt;sudo usermod -aG docker $USER&lt;/code&gt;) and log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use another engine: set &lt;code&gt;DOCKER_HOST&lt;/code&gt; (for example &lt;code&gt;tcp://192.168.1.10:2375&lt;/code&gt;) or start SandboxDesk with &lt;code&gt;--docker HOST&lt;/code&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an engine address in Preferences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SandboxDesk never starts an engine itself; it connects as soon as one answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No container engine is connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Sandbox…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>See and manage the sandboxes on your container engines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the engine at HOST for this run instead of the one DOCKER_HOST or the docker context names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use LANGUAGE (en or zh_CN) for this run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown language “%1”; use one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sandboxctl</name>
    <message>
        <source>No such sandbox: %1</source>
        <translation>No such sandbox: %1</translation>
    </message>
    <message>
        <source>“%1” matches more than one sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMAGE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PORTS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name at least one sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label “%1” is not KEY=VALUE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a number of CPUs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a memory size (for example 512m or 2g).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a port binding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown option “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name a sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sandbox cannot run commands.</source>
        <translation>This sandbox cannot run commands.</translation>
    </message>
    <message>
        <source>“%1” is neither an RFC 3339 time nor a duration such as 10m.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a number of lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no ECI account named “%1”; add it in SandboxDesk first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Alibaba Cloud AccessKey was found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or use --account NAME with an account added in SandboxDesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name a region: sandboxctl --eci REGION …, or set ECI_SANDBOX_REGION_ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account&apos;s secret could not be read from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--docker and --eci cannot be used together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” does not apply to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive ended before the file did.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write to the output: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive holds no file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a folder, not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a regular file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sandbox&apos;s files cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such file or folder in the sandbox: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cp needs a source and a destination.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One side of cp must be ID:PATH in a sandbox and the other a local path or -.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot copy a folder onto the file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such local folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write into %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such local file or folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The destination must be a folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such folder in the sandbox: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cat needs one ID:PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many symbolic links: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>put needs one ID:PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot make a temporary file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read stdin: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write a temporary file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stdin ended before its size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
--timeout DURATION (before the command) gives up when the engine has not
answered for DURATION (90s, 10m, 2h; default 60s); logs -f and exec, once
they have begun, run until they end.
list --json --limits adds CPU and memory limits (a request per sandbox).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from %1 for %2 (--timeout); giving up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a duration such as 90s, 10m or 2h.</source>
        <translation type="unfinished">“%1” is not a duration such as 90m, 12h or 2d. {1”?} {90s?} {10m?} {2h?}</translation>
    </message>
    <message>
        <source>%1: no such file or folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not ID:PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both paths must be in the same sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot browse the files of a sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name one ID:PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name a source and a destination, both ID:PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder; use rm -r.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name an octal mode and one ID:PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an octal mode such as 755.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use find ID:PATH -name PATTERN.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
Resource use:
  stats [--no-stream] [--json] [ID…]
                                live CPU, memory, network and block I/O of the
                                running sandboxes (or of those named), in the
                                columns of docker stats; --no-stream prints one
                                measurement and exits; --json prints a JSON array
                                with --no-stream, else one object a line
</translation>
    </message>
    <message>
        <source>%1 does not report live resource use.</source>
        <translation>%1 does not report live resource use.</translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>MEM USAGE / LIMIT</source>
        <translation>MEM USAGE / LIMIT</translation>
    </message>
    <message>
        <source>MEM %</source>
        <translation>MEM %</translation>
    </message>
    <message>
        <source>NET I/O</source>
        <translation>NET I/O</translation>
    </message>
    <message>
        <source>BLOCK I/O</source>
        <translation>BLOCK I/O</translation>
    </message>
    <message>
        <source>PIDS</source>
        <translation>PIDS</translation>
    </message>
    <message>
        <source>No OpenSandbox API key: set OPEN_SANDBOX_API_KEY.</source>
        <translation>No OpenSandbox API key: set OPEN_SANDBOX_API_KEY.</translation>
    </message>
    <message>
        <source>%1 cannot pause or resume sandboxes.</source>
        <translation>%1 cannot pause or resume sandboxes.</translation>
    </message>
    <message>
        <source>renew takes a sandbox and a duration, for example: renew ID 30m.</source>
        <translation>renew takes a sandbox and a duration, for example: renew ID 30m.</translation>
    </message>
    <message>
        <source>Sandboxes of %1 have no lifetime to renew.</source>
        <translation>Sandboxes of %1 have no lifetime to renew.</translation>
    </message>
    <message>
        <source>%1 expires at %2</source>
        <translation>%1 expires at %2</translation>
    </message>
    <message>
        <source>--opensandbox cannot be used with --docker or --eci.</source>
        <translation>--opensandbox cannot be used with --docker or --eci.</translation>
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
Running (the command&apos;s exit code becomes sandboxctl&apos;s):
  run ID [--script FILE|-] [--timeout D] [--workdir DIR] [-e K=V]… [--user U]
         [-- CMD…]               run a command, or a script read from FILE or
                                stdin (by /bin/sh, or by its #! line), without a
                                terminal; stdout and stderr stay apart. --timeout
                                (90s, 10m, 2h, 1d) and Ctrl-C stop the process and
                                everything it started: TERM, then KILL 2s later
</translation>
    </message>
    <message>
        <source>“%1” is not KEY=VALUE.</source>
        <translation>“%1” is not KEY=VALUE.</translation>
    </message>
    <message>
        <source>Give a command or --script, not both.</source>
        <translation>Give a command or --script, not both.</translation>
    </message>
    <message>
        <source>Give a command after -- or a script with --script.</source>
        <translation>Give a command after -- or a script with --script.</translation>
    </message>
    <message>
        <source>Could not read “%1”: %2</source>
        <translation>Could not read “%1”: %2</translation>
    </message>
    <message>
        <source>The script is empty.</source>
        <translation>The script is empty.</translation>
    </message>
    <message>
        <source>Stopped after %1 (--timeout).</source>
        <translation>Stopped after %1 (--timeout).</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Stopped.</translation>
    </message>
    <message>
        <source>Interrupted; the process may still run in the sandbox.</source>
        <translation>Interrupted; the process may still run in the sandbox.</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>exited (%1)</source>
        <translation>exited (%1)</translation>
    </message>
    <message>
        <source>killed (%1)</source>
        <translation>killed (%1)</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>lost</translation>
    </message>
    <message>
        <source>Name a jobs command.</source>
        <translation>Name a jobs command.</translation>
    </message>
    <message>
        <source>Unknown command “jobs %1”.</source>
        <translation>Unknown command “jobs %1”.</translation>
    </message>
    <message>
        <source>Name a sandbox and a job.</source>
        <translation>Name a sandbox and a job.</translation>
    </message>
    <message>
        <source>“%1” is not a job id.</source>
        <translation>“%1” is not a job id.</translation>
    </message>
    <message>
        <source>Give the job&apos;s command after --.</source>
        <translation>Give the job&apos;s command after --.</translation>
    </message>
    <message>
        <source>Name one sandbox, or none for all.</source>
        <translation>Name one sandbox, or none for all.</translation>
    </message>
    <message>
        <source>SANDBOX</source>
        <translation>SANDBOX</translation>
    </message>
    <message>
        <source>JOB</source>
        <translation>JOB</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>STATE</translation>
    </message>
    <message>
        <source>STARTED</source>
        <translation>STARTED</translation>
    </message>
    <message>
        <source>OUTPUT</source>
        <translation>OUTPUT</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>COMMAND</translation>
    </message>
    <message>
        <source>REASON</source>
        <translation>REASON</translation>
    </message>
    <message>
        <source>Name one sandbox and a duration.</source>
        <translation>Name one sandbox and a duration.</translation>
    </message>
    <message>
        <source>%1 does not keep lifetimes.</source>
        <translation>%1 does not keep lifetimes.</translation>
    </message>
    <message>
        <source>“%1” is not a duration such as 90s, 10m, 2h or 1d.</source>
        <translation>“%1” is not a duration such as 90s, 10m, 2h or 1d.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files (ID:PATH is a path in a sandbox, relative paths start at its root):
</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
ID is an id, a unique id prefix or a name. The engine is found like the docker
CLI finds it (DOCKER_HOST, DOCKER_CONTEXT, the current context, the default
socket), then at the rootless and Podman sockets. Exit codes: 0 success,
1 failure, 2 unknown sandbox, 64 usage; exec exits with the command&apos;s own code.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is out of range: logs have times from 1677 to 2262.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a package manager: use apt, apk, pip or npm.</source>
        <translation>“%1” is not a package manager: use apt, apk, pip or npm.</translation>
    </message>
    <message>
        <source>This sandbox has no %1; it has %2.</source>
        <translation>This sandbox has no %1; it has %2.</translation>
    </message>
    <message>
        <source>Name a sandbox, a package manager and at least one package.</source>
        <translation>Name a sandbox, a package manager and at least one package.</translation>
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
</translation>
    </message>
    <message>
        <source>“%1” is not a CPU percentage such as 5 or 2.5.</source>
        <translation>“%1” is not a CPU percentage such as 5 or 2.5.</translation>
    </message>
    <message>
        <source>Name one sandbox, or --connection, then on or off.</source>
        <translation>Name one sandbox, or --connection, then on or off.</translation>
    </message>
    <message>
        <source>(on for its connection)</source>
        <translation>(on for its connection)</translation>
    </message>
    <message>
        <source>Say on or off, not “%1”.</source>
        <translation>Say on or off, not “%1”.</translation>
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
Packages (apt, apk, pip or npm, whichever the sandbox has):
  packages ID [--manager M] [--json]
                                list the installed packages: manager, name, version
  packages managers ID          the package managers found, with their paths
  packages install ID M NAME…   install with manager M (apt: apt-get update first);
                                the manager&apos;s output streams, its exit code becomes
                                sandboxctl&apos;s; Ctrl-C stops it in the sandbox
  packages remove ID M NAME…    remove installed packages the same way
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a group of containers; leave out --container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no container “%2”; it has: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--container needs a sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

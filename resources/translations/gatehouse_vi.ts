<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en">
<context>
    <name>AccountCommand</name>
    <message>
        <source>&quot;account add|list|remove|pin&quot;: the receptionists&apos; and administrators&apos; accounts.</source>
        <translation>&quot;account add|list|remove|pin&quot;: tài khoản của lễ tân và quản trị viên.</translation>
    </message>
    <message>
        <source>add, list, remove or pin.</source>
        <translation>add, list, remove hoặc pin.</translation>
    </message>
    <message>
        <source>Say &quot;account add --name N --role receptionist|admin&quot;, &quot;account list&quot;, &quot;account remove --name N&quot; or &quot;account pin --name N&quot;.</source>
        <translation>Hãy dùng &quot;account add --name N --role receptionist|admin&quot;, &quot;account list&quot;, &quot;account remove --name N&quot; hoặc &quot;account pin --name N&quot;.</translation>
    </message>
    <message>
        <source>account %1 needs --name.</source>
        <translation>account %1 cần --name.</translation>
    </message>
    <message>
        <source>--role must be receptionist or admin.</source>
        <translation>--role phải là receptionist hoặc admin.</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>đang bị khóa</translation>
    </message>
    <message>
        <source>The account %1 is removed.</source>
        <translation>Đã xóa tài khoản %1.</translation>
    </message>
    <message>
        <source>The account %1 (%2) is added.</source>
        <translation>Đã thêm tài khoản %1 (%2).</translation>
    </message>
    <message>
        <source>The PIN of %1 is changed.</source>
        <translation>Đã đổi mã PIN của %1.</translation>
    </message>
    <message>
        <source>PIN of the administrator %1: </source>
        <translation>Mã PIN của quản trị viên %1: </translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>A PIN is at least %1 digits, and digits only.</source>
        <translation>Mã PIN có ít nhất %1 chữ số và chỉ gồm chữ số.</translation>
    </message>
    <message>
        <source>An account needs a name.</source>
        <translation>Tài khoản cần có tên.</translation>
    </message>
    <message>
        <source>There is already an account named %1.</source>
        <translation>Đã có tài khoản tên %1.</translation>
    </message>
    <message>
        <source>add the account</source>
        <translation>thêm tài khoản</translation>
    </message>
    <message>
        <source>There is no account named %1.</source>
        <translation>Không có tài khoản nào tên %1.</translation>
    </message>
    <message>
        <source>%1 is the last administrator: add another administrator before removing this one.</source>
        <translation>%1 là quản trị viên cuối cùng: hãy thêm một quản trị viên khác trước khi xóa tài khoản này.</translation>
    </message>
    <message>
        <source>remove the account</source>
        <translation>xóa tài khoản</translation>
    </message>
    <message>
        <source>change the PIN</source>
        <translation>đổi mã PIN</translation>
    </message>
    <message>
        <source>read the accounts</source>
        <translation>đọc danh sách tài khoản</translation>
    </message>
    <message>
        <source>record the PIN attempt</source>
        <translation>ghi lại lần nhập mã PIN</translation>
    </message>
</context>
<context>
    <name>AccountsAuthority</name>
    <message>
        <source>Only the account that owns the entry log (%1) or root manages the accounts. Anyone else names an administrator with --admin NAME and types that administrator&apos;s PIN.</source>
        <translation>Chỉ tài khoản sở hữu sổ ghi (%1) hoặc root được quản lý các tài khoản. Người khác phải nêu một quản trị viên bằng --admin TÊN và nhập mã PIN của quản trị viên đó.</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Administrator</source>
        <translation>Quản trị viên</translation>
    </message>
    <message>
        <source>Receptionist</source>
        <translation>Lễ tân</translation>
    </message>
    <message>
        <source>Locked (wrong PINs)</source>
        <translation>Đang khóa (nhập sai mã PIN)</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Sẵn sàng</translation>
    </message>
    <message>
        <source>The two PINs are not the same.</source>
        <translation>Hai mã PIN không giống nhau.</translation>
    </message>
    <message>
        <source>The account %1 is added.</source>
        <translation>Đã thêm tài khoản %1.</translation>
    </message>
    <message>
        <source>Choose an account in the list first.</source>
        <translation>Hãy chọn một tài khoản trong danh sách trước.</translation>
    </message>
    <message>
        <source>The account %1 is removed.</source>
        <translation>Đã xóa tài khoản %1.</translation>
    </message>
    <message>
        <source>The PIN of %1 is changed.</source>
        <translation>Đã đổi mã PIN của %1.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Receptionist: overrides and check-in by hand</source>
        <translation>Lễ tân: cho khách vào ngoại lệ và khai báo hộ</translation>
    </message>
    <message>
        <source>Administrator: also settings, exports, roster and accounts</source>
        <translation>Quản trị viên: thêm cài đặt, xuất dữ liệu, danh sách cán bộ và tài khoản</translation>
    </message>
    <message>
        <source>PIN (at least 6 digits)</source>
        <translation>Mã PIN (ít nhất 6 chữ số)</translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation>Nhập lại mã PIN</translation>
    </message>
    <message>
        <source>Add the account</source>
        <translation>Thêm tài khoản</translation>
    </message>
    <message>
        <source>New PIN for the selected account</source>
        <translation>Đặt mã PIN mới cho tài khoản đã chọn</translation>
    </message>
    <message>
        <source>Remove the selected account</source>
        <translation>Xóa tài khoản đã chọn</translation>
    </message>
</context>
<context>
    <name>AdProblem</name>
    <message>
        <source>AD structure at byte %1 has length 0</source>
        <translation>cấu trúc AD tại byte %1 có độ dài 0</translation>
    </message>
    <message>
        <source>AD structure at byte %1 runs past the end of the data</source>
        <translation>cấu trúc AD tại byte %1 vượt quá cuối dữ liệu</translation>
    </message>
    <message>
        <source>AD structure of type 0x%1 at byte %2 has a wrong length for its type</source>
        <translation>cấu trúc AD loại 0x%1 tại byte %2 có độ dài sai với loại của nó</translation>
    </message>
</context>
<context>
    <name>AdoptionReport</name>
    <message>
        <source>A report covers at most %1 days: ask for a shorter window.</source>
        <translation>Một báo cáo chỉ bao gồm tối đa %1 ngày: hãy chọn khoảng thời gian ngắn hơn.</translation>
    </message>
    <message>
        <source>count the entries for the report</source>
        <translation>đếm lượt vào cho báo cáo</translation>
    </message>
    <message>
        <source>list the staff without the app</source>
        <translation>liệt kê cán bộ không có ứng dụng</translation>
    </message>
    <message>
        <source>The report could not be written (%1).</source>
        <translation>Không ghi được báo cáo (%1).</translation>
    </message>
</context>
<context>
    <name>AdoptionReportPdf</name>
    <message>
        <source>Tracing app adoption report</source>
        <translation>Báo cáo sử dụng ứng dụng truy vết</translation>
    </message>
    <message>
        <source>The PDF report could not be started.</source>
        <translation>Không tạo được báo cáo PDF.</translation>
    </message>
    <message>
        <source>%1 to %2 (UTC%3)</source>
        <translation>Từ %1 đến %2 (UTC%3)</translation>
    </message>
    <message>
        <source>entries</source>
        <translation>lượt vào</translation>
    </message>
    <message>
        <source>with the app verified at the door (%1 entries)</source>
        <translation>có ứng dụng được xác nhận tại cửa (%1 lượt)</translation>
    </message>
    <message>
        <source>staff entries without the app</source>
        <translation>lượt vào của cán bộ không có ứng dụng</translation>
    </message>
    <message>
        <source>Entries a day and the share with the app</source>
        <translation>Lượt vào mỗi ngày và tỷ lệ có ứng dụng</translation>
    </message>
    <message>
        <source>Staff who entered without the app</source>
        <translation>Cán bộ vào cơ quan không có ứng dụng</translation>
    </message>
    <message>
        <source>None: every staff entry had the app verified.</source>
        <translation>Không có: mọi lượt vào của cán bộ đều có ứng dụng được xác nhận.</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Lượt vào</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more in the CSV report.</source>
        <translation>
            <numerusform>… và %n người nữa trong báo cáo CSV.</numerusform>
        </translation>
    </message>
    <message>
        <source>Made by Gatehouse %1. Entries are counted on the day they came in, in the site&apos;s time.</source>
        <translation>Lập bởi Gatehouse %1. Lượt vào được tính theo ngày vào, theo giờ của cơ quan.</translation>
    </message>
    <message>
        <source>The PDF report could not be finished.</source>
        <translation>Không hoàn tất được báo cáo PDF.</translation>
    </message>
    <message>
        <source>Last entry</source>
        <translation>Lần vào gần nhất</translation>
    </message>
    <message>
        <source>The report could not be written (%1).</source>
        <translation>Không ghi được báo cáo (%1).</translation>
    </message>
</context>
<context>
    <name>AppProfileTable</name>
    <message>
        <source>The setting %1=%2 in %3 is not valid.</source>
        <translation>Mục %1=%2 trong %3 không hợp lệ.</translation>
    </message>
    <message>
        <source>The app profile [%1] in %2 has no condition to recognise the app by.</source>
        <translation>Hồ sơ ứng dụng [%1] trong %2 không có điều kiện nào để nhận ra ứng dụng.</translation>
    </message>
</context>
<context>
    <name>AuditCommand</name>
    <message>
        <source>&quot;audit verify&quot;: check the audit log&apos;s hash chain; &quot;audit export --out FILE.csv&quot;: give it to an inspector.</source>
        <translation>&quot;audit verify&quot;: kiểm tra chuỗi băm của nhật ký; &quot;audit export --out FILE.csv&quot;: xuất nhật ký cho thanh tra.</translation>
    </message>
    <message>
        <source>verify or export.</source>
        <translation>verify hoặc export.</translation>
    </message>
    <message>
        <source>Say &quot;audit verify&quot; or &quot;audit export --out FILE.csv&quot;.</source>
        <translation>Hãy dùng &quot;audit verify&quot; hoặc &quot;audit export --out FILE.csv&quot;.</translation>
    </message>
    <message>
        <source>The audit log is not intact: %1.</source>
        <translation>Nhật ký không còn nguyên vẹn: %1.</translation>
    </message>
    <message>
        <source>The audit log is intact: %1 rows, each linked to the one before.</source>
        <translation>Nhật ký còn nguyên vẹn: %1 dòng, mỗi dòng nối với dòng trước.</translation>
    </message>
    <message>
        <source>%1 audit rows written to %2.</source>
        <translation>Đã ghi %1 dòng nhật ký vào %2.</translation>
    </message>
    <message>
        <source>--anchor takes a manifest&apos;s audit_head: the row number, a colon and 64 hex digits.</source>
        <translation>--anchor nhận audit_head của một tệp kê khai: số dòng, dấu hai chấm và 64 chữ số hex.</translation>
    </message>
    <message>
        <source>the anchor given</source>
        <translation>mốc được đưa vào</translation>
    </message>
    <message>
        <source>The central store could not be reached (%1): the chain was checked within the file only, where rows removed from its end do not show.</source>
        <translation>Không kết nối được kho trung tâm (%1): chuỗi chỉ được kiểm tra trong tệp, nơi không thấy được các dòng bị xóa ở cuối.</translation>
    </message>
    <message>
        <source>the central store&apos;s copy</source>
        <translation>bản sao ở kho trung tâm</translation>
    </message>
    <message>
        <source>No anchor outside the file (no central store, no --anchor): the chain was checked within the file only, where rows removed from its end do not show.</source>
        <translation>Không có mốc nào bên ngoài tệp (không có kho trung tâm, không có --anchor): chuỗi chỉ được kiểm tra trong tệp, nơi không thấy được các dòng bị xóa ở cuối.</translation>
    </message>
    <message>
        <source>The audit log is not intact against %1: %2.</source>
        <translation>Nhật ký không còn nguyên vẹn so với %1: %2.</translation>
    </message>
    <message>
        <source>Checked against %1, which ends at row %2.</source>
        <translation>Đã đối chiếu với %1, kết thúc ở dòng %2.</translation>
    </message>
</context>
<context>
    <name>AuditExportRequest</name>
    <message>
        <source>The audit log could not be written (%1).</source>
        <translation>Không ghi được nhật ký (%1).</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>write the audit log</source>
        <translation>ghi nhật ký quản trị</translation>
    </message>
    <message>
        <source>read the audit log</source>
        <translation>đọc nhật ký quản trị</translation>
    </message>
    <message>
        <source>the log starts at row %1, but the last retention purge kept it from row %2: rows were removed</source>
        <translation>nhật ký bắt đầu từ dòng %1, nhưng lần xóa theo thời hạn lưu gần nhất giữ từ dòng %2: đã có dòng bị xóa</translation>
    </message>
    <message>
        <source>row %1 does not follow the row before it: a row before it was removed or added</source>
        <translation>dòng %1 không nối với dòng trước: một dòng phía trước đã bị xóa hoặc chèn thêm</translation>
    </message>
    <message>
        <source>row %1 was changed after it was written</source>
        <translation>dòng %1 đã bị sửa sau khi ghi</translation>
    </message>
    <message>
        <source>delete old audit rows</source>
        <translation>xóa các dòng nhật ký cũ</translation>
    </message>
    <message>
        <source>the log starts at row %1, but the last purge it records (row %2) kept it from row %3: rows were removed outside the retention purge</source>
        <translation>nhật ký bắt đầu ở dòng %1, nhưng lần xóa theo thời hạn lưu gần nhất mà nó ghi (dòng %2) giữ từ dòng %3: có dòng bị xóa ngoài việc xóa theo thời hạn lưu</translation>
    </message>
    <message>
        <source>rows before row %1 were removed, and no retention purge in the log says so</source>
        <translation>các dòng trước dòng %1 đã bị xóa, và không có lần xóa theo thời hạn lưu nào trong nhật ký ghi điều đó</translation>
    </message>
    <message>
        <source>row %1 is missing</source>
        <translation>thiếu dòng %1</translation>
    </message>
    <message>
        <source>rows %1 to %2 are missing</source>
        <translation>thiếu các dòng %1 đến %2</translation>
    </message>
    <message>
        <source>%1: the anchor has the chain up to row %2 (%3…), and the log ends at row %4</source>
        <translation>%1: mốc có chuỗi đến dòng %2 (%3…), còn nhật ký kết thúc ở dòng %4</translation>
    </message>
    <message>
        <source>row %1 is not the row that was anchored: it, or a row before it, was changed or replaced, and the chain written again</source>
        <translation>dòng %1 không phải dòng đã được lấy làm mốc: nó, hoặc một dòng trước nó, đã bị sửa hoặc thay, và chuỗi được viết lại</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Việc</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
</context>
<context>
    <name>BackupCommand</name>
    <message>
        <source>Write a consistent copy of the database, while the kiosk keeps working.</source>
        <translation>Ghi bản sao nhất quán của cơ sở dữ liệu trong khi kiốt vẫn hoạt động.</translation>
    </message>
    <message>
        <source>backup needs --out FILE.</source>
        <translation>backup cần --out TỆP.</translation>
    </message>
    <message>
        <source>Backup written: %1</source>
        <translation>Đã ghi bản sao lưu: %1</translation>
    </message>
</context>
<context>
    <name>BluetoothAdapterWatch</name>
    <message>
        <source>The Bluetooth adapter %1 is on: the kiosk can check the tracing app.</source>
        <translation>Bộ thu Bluetooth %1 đang bật: kiốt kiểm tra được ứng dụng truy vết.</translation>
    </message>
    <message>
        <source>The Bluetooth adapter is switched off: the kiosk cannot check the tracing app. Switch it on (bluetoothctl power on; check rfkill); Gatehouse goes on by itself.</source>
        <translation>Bộ thu Bluetooth đang tắt: kiốt không kiểm tra được ứng dụng truy vết. Hãy bật lên (bluetoothctl power on; kiểm tra rfkill); Gatehouse sẽ tự chạy tiếp.</translation>
    </message>
    <message>
        <source>No Bluetooth adapter: the kiosk cannot check the tracing app. Plug in a Bluetooth 4.0 or later adapter; Gatehouse goes on by itself.</source>
        <translation>Không có bộ thu Bluetooth: kiốt không kiểm tra được ứng dụng truy vết. Hãy cắm bộ thu Bluetooth 4.0 trở lên; Gatehouse sẽ tự chạy tiếp.</translation>
    </message>
    <message>
        <source>This user may not use Bluetooth: BlueZ refused it (%1), so the kiosk cannot check the tracing app. Add the user to the bluetooth group.</source>
        <translation>Người dùng này không được phép dùng Bluetooth: BlueZ đã từ chối (%1), nên kiốt không kiểm tra được ứng dụng truy vết. Hãy thêm người dùng vào nhóm bluetooth.</translation>
    </message>
    <message>
        <source>Bluetooth is not available: BlueZ (bluetoothd) does not answer on the system bus (%1), so the kiosk cannot check the tracing app. Start it: systemctl start bluetooth; Gatehouse goes on by itself.</source>
        <translation>Bluetooth không sẵn sàng: BlueZ (bluetoothd) không trả lời trên bus hệ thống (%1), nên kiốt không kiểm tra được ứng dụng truy vết. Hãy khởi động nó: systemctl start bluetooth; Gatehouse sẽ tự chạy tiếp.</translation>
    </message>
</context>
<context>
    <name>BtsnoopReader</name>
    <message>
        <source>not a btsnoop file</source>
        <translation>không phải tệp btsnoop</translation>
    </message>
    <message>
        <source>btsnoop version %1, not 1</source>
        <translation>tệp btsnoop phiên bản %1, không phải 1</translation>
    </message>
    <message>
        <source>btsnoop datalink %1 holds no HCI events Gatehouse reads (1001, 1002 or 2001)</source>
        <translation>tệp btsnoop kiểu liên kết %1 không chứa sự kiện HCI nào Gatehouse đọc được (1001, 1002 hoặc 2001)</translation>
    </message>
    <message>
        <source>the file ends inside a record&apos;s header (truncated)</source>
        <translation>tệp kết thúc giữa phần đầu của một bản ghi (bị cắt cụt)</translation>
    </message>
    <message>
        <source>a record of %1 bytes: the file is damaged from here</source>
        <translation>một bản ghi dài %1 byte: tệp bị hỏng từ đây</translation>
    </message>
    <message>
        <source>the file ends inside a record (truncated)</source>
        <translation>tệp kết thúc giữa một bản ghi (bị cắt cụt)</translation>
    </message>
    <message>
        <source>an advertising report event without reports</source>
        <translation>một sự kiện báo cáo quảng bá không có báo cáo nào</translation>
    </message>
    <message>
        <source>an advertising report runs past its event</source>
        <translation>một báo cáo quảng bá vượt quá sự kiện chứa nó</translation>
    </message>
    <message>
        <source>an extended advertising report runs past its event</source>
        <translation>một báo cáo quảng bá mở rộng vượt quá sự kiện chứa nó</translation>
    </message>
</context>
<context>
    <name>CalibrateCommand</name>
    <message>
        <source>Propose the presence threshold from a phone held at the kiosk.</source>
        <translation>Đề xuất ngưỡng hiện diện từ một điện thoại cầm sát kiốt.</translation>
    </message>
    <message>
        <source>calibrate needs exactly one of --replay FILE and --live.</source>
        <translation>calibrate cần đúng một trong hai: --replay TỆP hoặc --live.</translation>
    </message>
    <message>
        <source>--seconds needs a whole number from 1 to 3600.</source>
        <translation>--seconds cần một số nguyên từ 1 đến 3600.</translation>
    </message>
    <message>
        <source>No Bluetooth adapter was found on this machine, so there is nothing to scan with.</source>
        <translation>Máy này không có bộ Bluetooth nào, nên không thể quét.</translation>
    </message>
    <message>
        <source>Hold the phone at the kiosk for %1 seconds...</source>
        <translation>Hãy cầm điện thoại sát kiốt trong %1 giây...</translation>
    </message>
    <message>
        <source>Proposed threshold: %1 dBm (phone %2, %3, %4 adverts, median %5 dBm, 10th percentile %6 dBm).
Set it with [ble] threshold_dbm=%1 in the configuration file.</source>
        <translation>Ngưỡng đề xuất: %1 dBm (điện thoại %2, %3, %4 gói quảng bá, trung vị %5 dBm, phân vị 10 %6 dBm).
Đặt bằng [ble] threshold_dbm=%1 trong tệp cấu hình.</translation>
    </message>
</context>
<context>
    <name>CalibrationSession</name>
    <message>
        <source>No phone running a tracing app was heard often enough. Hold one at the kiosk, with the app open, and try again.</source>
        <translation>Không nghe thấy đủ tín hiệu từ điện thoại nào chạy ứng dụng truy vết. Hãy cầm một điện thoại đang mở ứng dụng sát kiốt rồi thử lại.</translation>
    </message>
</context>
<context>
    <name>CameraSource</name>
    <message>
        <source>No camera was found. Plug one in; Gatehouse starts it when it appears.</source>
        <translation>Không tìm thấy camera. Hãy cắm camera vào; Gatehouse sẽ tự bật khi thấy camera.</translation>
    </message>
    <message>
        <source>The camera &quot;%1&quot; was not found. Plug it in; Gatehouse starts it when it appears.</source>
        <translation>Không tìm thấy camera &quot;%1&quot;. Hãy cắm vào; Gatehouse sẽ tự bật khi thấy camera.</translation>
    </message>
    <message>
        <source>The camera stopped working (%1).</source>
        <translation>Camera đã ngừng hoạt động (%1).</translation>
    </message>
    <message>
        <source>The camera was unplugged. Plug it back in; Gatehouse starts it when it appears.</source>
        <translation>Camera đã bị rút ra. Hãy cắm lại; Gatehouse sẽ tự bật khi thấy camera.</translation>
    </message>
</context>
<context>
    <name>CaptureLineParser</name>
    <message>
        <source>not valid JSON</source>
        <translation>không phải JSON hợp lệ</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>không phải đối tượng JSON</translation>
    </message>
    <message>
        <source>text after the JSON object</source>
        <translation>có chữ thừa sau đối tượng JSON</translation>
    </message>
    <message>
        <source>required key &quot;%1&quot; is missing</source>
        <translation>thiếu khóa bắt buộc &quot;%1&quot;</translation>
    </message>
    <message>
        <source>neither &quot;ad&quot; nor any decoded key (name, uuids, svc, mfr, tx) is present</source>
        <translation>không có &quot;ad&quot; cũng không có khóa giải mã nào (name, uuids, svc, mfr, tx)</translation>
    </message>
    <message>
        <source>key &quot;%1&quot; has the wrong type</source>
        <translation>khóa &quot;%1&quot; sai kiểu</translation>
    </message>
    <message>
        <source>key &quot;%1&quot; holds bad hex</source>
        <translation>khóa &quot;%1&quot; chứa mã hex sai</translation>
    </message>
    <message>
        <source>key &quot;addr&quot; is not a device address like AA:BB:CC:DD:EE:FF</source>
        <translation>khóa &quot;addr&quot; không phải địa chỉ thiết bị dạng AA:BB:CC:DD:EE:FF</translation>
    </message>
    <message>
        <source>key &quot;%1&quot; holds a value that is not a Bluetooth UUID</source>
        <translation>khóa &quot;%1&quot; chứa giá trị không phải UUID Bluetooth</translation>
    </message>
    <message>
        <source>key &quot;mfr&quot; holds a company id that is not 4 hex digits</source>
        <translation>khóa &quot;mfr&quot; chứa mã công ty không phải 4 chữ số hex</translation>
    </message>
    <message>
        <source>key &quot;%1&quot; is out of range</source>
        <translation>khóa &quot;%1&quot; nằm ngoài khoảng cho phép</translation>
    </message>
</context>
<context>
    <name>CaptureReader</name>
    <message>
        <source>The capture file %1 does not exist.</source>
        <translation>Không tìm thấy tệp ghi %1.</translation>
    </message>
    <message>
        <source>The capture file %1 cannot be read (%2).</source>
        <translation>Không đọc được tệp ghi %1 (%2).</translation>
    </message>
    <message>
        <source>reading stopped: %1</source>
        <translation>dừng đọc: %1</translation>
    </message>
    <message>
        <source>line longer than %1 bytes</source>
        <translation>dòng dài hơn %1 byte</translation>
    </message>
    <message>
        <source>The capture file %1 is a btsnoop recording Gatehouse cannot read: %2.</source>
        <translation>Tệp ghi %1 là bản ghi btsnoop mà Gatehouse không đọc được: %2.</translation>
    </message>
    <message>
        <source>The capture file %1 is a pcapng recording Gatehouse cannot read: %2.</source>
        <translation>Tệp ghi %1 là bản ghi pcapng mà Gatehouse không đọc được: %2.</translation>
    </message>
    <message>
        <source>record %1</source>
        <translation>bản ghi %1</translation>
    </message>
    <message>
        <source>block %1</source>
        <translation>khối %1</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>dòng %1</translation>
    </message>
    <message>
        <source>a time outside the years 1970 to 9999</source>
        <translation>thời điểm nằm ngoài các năm 1970 đến 9999</translation>
    </message>
</context>
<context>
    <name>CaptureWriter</name>
    <message>
        <source>Gatehouse cannot write the capture file %1 (%2).</source>
        <translation>Gatehouse không ghi được tệp ghi %1 (%2).</translation>
    </message>
    <message>
        <source>Gatehouse could not write to the capture file %1 (%2).</source>
        <translation>Gatehouse không ghi tiếp được vào tệp ghi %1 (%2).</translation>
    </message>
    <message>
        <source>Gatehouse could not finish the capture file %1 (%2).</source>
        <translation>Gatehouse không hoàn tất được tệp ghi %1 (%2).</translation>
    </message>
</context>
<context>
    <name>CccdCard</name>
    <message>
        <source>the ID number is not 12 digits</source>
        <translation>số định danh không đủ 12 chữ số</translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation>họ tên để trống</translation>
    </message>
    <message>
        <source>the date of birth is not a real date</source>
        <translation>ngày sinh không phải ngày có thật</translation>
    </message>
    <message>
        <source>the issue date is not a real date</source>
        <translation>ngày cấp không phải ngày có thật</translation>
    </message>
    <message>
        <source>the card&apos;s QR has %1 fields, fewer than the %2 it must have</source>
        <translation>mã QR trên thẻ có %1 trường, ít hơn %2 trường bắt buộc</translation>
    </message>
</context>
<context>
    <name>CentralAdmin</name>
    <message>
        <source>A site needs an id and a name.</source>
        <translation>Một cơ sở cần có mã và tên.</translation>
    </message>
    <message>
        <source>A kiosk id is lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, at most 63 characters, starting with a letter or digit: %1 is not.</source>
        <translation>Mã ki-ốt gồm chữ thường, chữ số, &apos;.&apos;, &apos;_&apos; hoặc &apos;-&apos;, tối đa 63 ký tự, bắt đầu bằng chữ hoặc số: %1 không đúng dạng đó.</translation>
    </message>
    <message>
        <source>There is no site %1 in the central store: add it first (central add-site).</source>
        <translation>Kho dữ liệu trung tâm chưa có cơ sở %1: hãy thêm trước (central add-site).</translation>
    </message>
    <message>
        <source>The central store already has a role named %1 that is not a kiosk&apos;s: choose another kiosk id.</source>
        <translation>Kho dữ liệu trung tâm đã có một vai trò tên %1 không phải của ki-ốt: hãy chọn mã ki-ốt khác.</translation>
    </message>
    <message>
        <source>Only an administrator of this scope may add sites and kiosks.</source>
        <translation>Chỉ quản trị viên của phạm vi này mới được thêm cơ sở và ki-ốt.</translation>
    </message>
    <message>
        <source>There is no site %1 in your scope.</source>
        <translation>Không có cơ sở %1 trong phạm vi của bạn.</translation>
    </message>
    <message>
        <source>The central store refused the registration (%1).</source>
        <translation>Kho dữ liệu trung tâm từ chối việc đăng ký (%1).</translation>
    </message>
</context>
<context>
    <name>CentralAuditAnchor</name>
    <message>
        <source>The central store&apos;s copy of this kiosk&apos;s audit chain ends in a row Gatehouse cannot read.</source>
        <translation>Bản sao chuỗi nhật ký của kiốt này ở kho trung tâm kết thúc bằng một dòng Gatehouse không đọc được.</translation>
    </message>
</context>
<context>
    <name>CentralBackup</name>
    <message>
        <source>%1 could not be started (postgresql-client-15 installs it).</source>
        <translation>Không chạy được %1 (gói postgresql-client-15 cài nó).</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 thất bại: %2</translation>
    </message>
    <message>
        <source>The folder %1 cannot be made for the backup.</source>
        <translation>Không tạo được thư mục %1 cho bản sao lưu.</translation>
    </message>
    <message>
        <source>%1 exists already: one backup a second.</source>
        <translation>%1 đã có: mỗi giây chỉ một bản sao lưu.</translation>
    </message>
    <message>
        <source>The backup in %1 did not verify, so it is not recorded: %2</source>
        <translation>Bản sao lưu trong %1 không qua được kiểm tra nên không được ghi nhận: %2</translation>
    </message>
    <message>
        <source>Last good backup: %1 (%2).</source>
        <translation>Bản sao lưu tốt gần nhất: %1 (%2).</translation>
    </message>
    <message>
        <source>No good backup recorded: take one with gatehouse-cli central backup --out FOLDER.</source>
        <translation>Chưa có bản sao lưu tốt nào được ghi nhận: hãy tạo bằng gatehouse-cli central backup --out THƯ_MỤC.</translation>
    </message>
    <message>
        <source>WAL archived up to %1 (%2).</source>
        <translation>WAL đã được lưu trữ đến %1 (%2).</translation>
    </message>
    <message>
        <source>No WAL archived: without an archive a restore ends at the backup.</source>
        <translation>Chưa lưu trữ WAL nào: không có kho WAL thì khôi phục chỉ đến được thời điểm sao lưu.</translation>
    </message>
    <message>
        <source>The archive last FAILED at %1: see the server&apos;s log.</source>
        <translation>Lần lưu trữ WAL gần nhất THẤT BẠI lúc %1: xem nhật ký của máy chủ.</translation>
    </message>
</context>
<context>
    <name>CentralCases</name>
    <message>
        <source>Nobody with the ID number %1 stayed at a site you can see between these two times. Check the number and the window.</source>
        <translation>Không ai mang số định danh %1 có mặt tại cơ sở nào trong phạm vi của bạn giữa hai thời điểm này. Hãy kiểm tra lại số và khoảng thời gian.</translation>
    </message>
    <message>
        <source>There is no case %1 that you may open.</source>
        <translation>Không có ca bệnh %1 nào mà bạn được mở.</translation>
    </message>
    <message>
        <source>This case is closed; its contacts can no longer be marked.</source>
        <translation>Ca bệnh này đã đóng; không thể đánh dấu người tiếp xúc nữa.</translation>
    </message>
    <message>
        <source>A note has at most 500 characters.</source>
        <translation>Ghi chú có nhiều nhất 500 ký tự.</translation>
    </message>
    <message>
        <source>That is not a contact of this case.</source>
        <translation>Đó không phải là người tiếp xúc của ca bệnh này.</translation>
    </message>
</context>
<context>
    <name>CentralCommand</name>
    <message>
        <source>Say which central store with --central URI (a libpq URI, such as postgresql://admin@central.example/gatehouse).</source>
        <translation>Hãy chỉ rõ kho dữ liệu trung tâm bằng --central URI (một URI của libpq, ví dụ postgresql://admin@central.example/gatehouse).</translation>
    </message>
    <message>
        <source>central %1 needs --%2.</source>
        <translation>central %1 cần --%2.</translation>
    </message>
    <message>
        <source>The central schema is up to date (version %1).</source>
        <translation>Lược đồ trung tâm đã ở phiên bản mới nhất (phiên bản %1).</translation>
    </message>
    <message>
        <source>The central schema is now at version %1.</source>
        <translation>Lược đồ trung tâm giờ ở phiên bản %1.</translation>
    </message>
    <message>
        <source>Site %1 registered.</source>
        <translation>Đã đăng ký cơ sở %1.</translation>
    </message>
    <message>
        <source>Inside now at every entrance of %1: %2.</source>
        <translation>Đang ở bên trong, tại mọi cổng của %1: %2.</translation>
    </message>
    <message>
        <source>nothing received yet</source>
        <translation>chưa nhận được gì</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 sự kiện</translation>
    </message>
    <message>
        <source>To issue the kiosk&apos;s certificate give --ca-key, --ca-cert and --out together.</source>
        <translation>Để cấp chứng chỉ cho ki-ốt, hãy cho cùng lúc --ca-key, --ca-cert và --out.</translation>
    </message>
    <message>
        <source>The kiosk&apos;s key and certificate (CN=%1) are in %2: copy them with the CA&apos;s certificate to /etc/gatehouse on the kiosk (kiosk.key, kiosk.pem, ca.pem).</source>
        <translation>Khoá và chứng chỉ của ki-ốt (CN=%1) nằm trong %2: hãy chép chúng cùng chứng chỉ của CA vào /etc/gatehouse trên ki-ốt (kiosk.key, kiosk.pem, ca.pem).</translation>
    </message>
    <message>
        <source>%1 contacts at every site written to %2.</source>
        <translation>Đã ghi %1 người tiếp xúc ở mọi cơ sở vào %2.</translation>
    </message>
    <message>
        <source>Say which sites to export: --site ID, --district D or --all (one of them).</source>
        <translation>Hãy cho biết xuất dữ liệu của cơ sở nào: --site ID, --district D hoặc --all (chỉ một trong ba).</translation>
    </message>
    <message>
        <source>%1 entries exported to %2.</source>
        <translation>Đã xuất %1 lượt vào ra tệp %2.</translation>
    </message>
    <message>
        <source>Vacuumed: the old row versions of forgotten and purged people are gone from the store&apos;s tables and indexes.</source>
        <translation>Đã dọn (VACUUM): các phiên bản dòng cũ của những người đã bị xóa hoặc hết hạn lưu không còn trong các bảng và chỉ mục của kho.</translation>
    </message>
    <message>
        <source>AUDIT CHAIN BROKEN (%1 times; the last: %2)</source>
        <translation>CHUỖI NHẬT KÝ BỊ ĐỨT (%1 lần; lần cuối: %2)</translation>
    </message>
    <message>
        <source>Account %1 (%2, %3) can sign in to the province&apos;s console.</source>
        <translation>Tài khoản %1 (%2, %3) đã có thể đăng nhập bảng điều khiển của tỉnh.</translation>
    </message>
    <message>
        <source>Account %1 (%2, %3) has a new password and is unlocked.</source>
        <translation>Tài khoản %1 (%2, %3) đã có mật khẩu mới và được mở khóa.</translation>
    </message>
    <message>
        <source>%1 waiting at the kiosk</source>
        <translation>%1 đang chờ gửi tại ki-ốt</translation>
    </message>
    <message>
        <source>central isolation needs one of --add ID --until ISO, --remove ID or --list.</source>
        <translation>central isolation cần một trong: --add SỐ --until ISO, --remove SỐ hoặc --list.</translation>
    </message>
    <message>
        <source>%1 is no setting: write KEY=VALUE, as policy=required.</source>
        <translation>%1 không phải một thiết lập: hãy viết KHÓA=GIÁ_TRỊ, ví dụ policy=required.</translation>
    </message>
    <message>
        <source>%1 sets nothing: its kiosks follow the wider scopes and their configuration.</source>
        <translation>%1 không đặt thiết lập nào: các ki-ốt của phạm vi này theo phạm vi rộng hơn và cấu hình của chúng.</translation>
    </message>
    <message>
        <source>--until must be a date and time such as 2020-08-10T00:00:00+07:00.</source>
        <translation>--until phải là ngày giờ, ví dụ 2020-08-10T00:00:00+07:00.</translation>
    </message>
    <message>
        <source>Listed until %1: kiosks receive it as a keyed hash at their next sync.</source>
        <translation>Đã đưa vào danh sách đến %1: các ki-ốt nhận dưới dạng mã băm có khóa ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>Taken off the list; kiosks forget it at their next sync.</source>
        <translation>Đã đưa ra khỏi danh sách; các ki-ốt sẽ xóa ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>That number was not on the list.</source>
        <translation>Số đó không có trong danh sách.</translation>
    </message>
    <message>
        <source>The central store: migrate, add-site, add-kiosk, add-official, settings, isolation, present, trace, export, status, vacuum, backup.</source>
        <translation>Kho dữ liệu trung tâm: migrate, add-site, add-kiosk, add-official, settings, isolation, present, trace, export, status, vacuum, backup.</translation>
    </message>
    <message>
        <source>migrate, add-site, add-kiosk, add-official, settings, isolation, present, trace, export, status, vacuum or backup.</source>
        <translation>migrate, add-site, add-kiosk, add-official, settings, isolation, present, trace, export, status, vacuum hoặc backup.</translation>
    </message>
    <message>
        <source>Say what to do: central migrate, add-site, add-kiosk, add-official, settings, isolation, present, trace, export, status, vacuum or backup.</source>
        <translation>Hãy cho biết cần làm gì: central migrate, add-site, add-kiosk, add-official, settings, isolation, present, trace, export, status, vacuum hoặc backup.</translation>
    </message>
    <message>
        <source>Taking a base backup of the central store and verifying it…</source>
        <translation>Đang sao lưu kho dữ liệu trung tâm và kiểm tra bản sao lưu…</translation>
    </message>
    <message>
        <source>Backup %1 in %2: %3 MB, verified and recorded.</source>
        <translation>Bản sao lưu %1 trong %2: %3 MB, đã kiểm tra và ghi nhận.</translation>
    </message>
</context>
<context>
    <name>CentralCompliance</name>
    <message>
        <source>Give the window as two dates.</source>
        <translation>Hãy nhập khoảng thời gian bằng hai ngày.</translation>
    </message>
    <message>
        <source>The window must end on or after the day it starts.</source>
        <translation>Khoảng thời gian phải kết thúc vào hoặc sau ngày bắt đầu.</translation>
    </message>
    <message>
        <source>A window of at most %1 days, please.</source>
        <translation>Hãy chọn khoảng thời gian tối đa %1 ngày.</translation>
    </message>
</context>
<context>
    <name>CentralConnection</name>
    <message>
        <source>The central store cannot be reached: out of memory.</source>
        <translation>Không kết nối được kho dữ liệu trung tâm: hết bộ nhớ.</translation>
    </message>
    <message>
        <source>The central store cannot be reached (%1).</source>
        <translation>Không kết nối được kho dữ liệu trung tâm (%1).</translation>
    </message>
    <message>
        <source>The central store refused a request (%1).</source>
        <translation>Kho dữ liệu trung tâm từ chối một yêu cầu (%1).</translation>
    </message>
    <message>
        <source>The central store is reached over the network without checking its certificate: add sslmode=verify-full, sslrootcert, sslcert and sslkey to the [central] uri, as central add-kiosk prints it.</source>
        <translation>Kho dữ liệu trung tâm được kết nối qua mạng mà không kiểm tra chứng chỉ của nó: hãy thêm sslmode=verify-full, sslrootcert, sslcert và sslkey vào uri của [central], như central add-kiosk in ra.</translation>
    </message>
    <message>
        <source>The central store is reached over the network without checking its certificate: add sslmode=verify-full and sslrootcert=(the CA&apos;s certificate) to the URI.</source>
        <translation>Kho dữ liệu trung tâm được kết nối qua mạng mà không kiểm tra chứng chỉ của nó: hãy thêm sslmode=verify-full và sslrootcert=(chứng chỉ của CA) vào URI.</translation>
    </message>
    <message>
        <source>A kiosk logs in to the central store with its own certificate: add sslcert and sslkey to the [central] uri, as central add-kiosk prints it.</source>
        <translation>Ki-ốt đăng nhập vào kho dữ liệu trung tâm bằng chứng chỉ của chính nó: hãy thêm sslcert và sslkey vào uri của [central], như central add-kiosk in ra.</translation>
    </message>
</context>
<context>
    <name>CentralEntryRows</name>
    <message>
        <source>The central store knows no site %1 (has a kiosk of it been added?).</source>
        <translation>Kho dữ liệu trung tâm không có cơ sở %1 (đã thêm kiosk của cơ sở này chưa?).</translation>
    </message>
    <message>
        <source>The central store has no visit at any site of the district %1.</source>
        <translation>Kho dữ liệu trung tâm không có lượt vào nào tại các cơ sở của quận/huyện %1.</translation>
    </message>
</context>
<context>
    <name>CentralExport</name>
    <message>
        <source>Gatehouse could not read %1 back to record its SHA-256.</source>
        <translation>Gatehouse không đọc lại được %1 để ghi mã SHA-256 của tệp.</translation>
    </message>
</context>
<context>
    <name>CentralHandedOut</name>
    <message>
        <source>%1 was written, but the central store could not record that it was handed out: %2</source>
        <translation>Đã ghi %1, nhưng kho dữ liệu trung tâm không ghi lại được việc giao tệp này: %2</translation>
    </message>
</context>
<context>
    <name>CentralIsolation</name>
    <message>
        <source>An isolation order is F0 or F1, not %1.</source>
        <translation>Lệnh cách ly là F0 hoặc F1, không phải %1.</translation>
    </message>
    <message>
        <source>An isolation order must end in the future.</source>
        <translation>Lệnh cách ly phải kết thúc ở thời điểm trong tương lai.</translation>
    </message>
</context>
<context>
    <name>CentralOfficials</name>
    <message>
        <source>A password has at least %1 characters; this one has %2.</source>
        <translation>Mật khẩu phải có ít nhất %1 ký tự; mật khẩu này có %2.</translation>
    </message>
    <message>
        <source>A password has at most %1 characters.</source>
        <translation>Mật khẩu có nhiều nhất %1 ký tự.</translation>
    </message>
    <message>
        <source>An account&apos;s name is 1 to 64 characters, without spaces at its ends.</source>
        <translation>Tên tài khoản dài từ 1 đến 64 ký tự, không có dấu cách ở đầu hay cuối.</translation>
    </message>
    <message>
        <source>An account&apos;s name has no control characters.</source>
        <translation>Tên tài khoản không được chứa ký tự điều khiển.</translation>
    </message>
    <message>
        <source>An account&apos;s role is official or admin; %1 is not.</source>
        <translation>Vai trò của tài khoản là official hoặc admin; %1 thì không phải.</translation>
    </message>
    <message>
        <source>No site of the central store is in the district %1: add its sites first (central add-site --district), or check the district&apos;s spelling.</source>
        <translation>Kho trung tâm không có cơ sở nào thuộc huyện %1: hãy thêm các cơ sở của huyện trước (central add-site --district), hoặc kiểm tra lại cách viết tên huyện.</translation>
    </message>
    <message>
        <source>There is no site %1 in the central store: add it first (central add-site).</source>
        <translation>Kho dữ liệu trung tâm chưa có cơ sở %1: hãy thêm trước (central add-site).</translation>
    </message>
    <message>
        <source>The name or the password is wrong.</source>
        <translation>Tên hoặc mật khẩu không đúng.</translation>
    </message>
    <message>
        <source>This account is locked after %1 wrong passwords. An administrator of the province gives it a new password (gatehouse-cli central add-official).</source>
        <translation>Tài khoản này đã bị khóa sau %1 lần nhập sai mật khẩu. Quản trị viên của tỉnh sẽ đặt mật khẩu mới cho tài khoản (gatehouse-cli central add-official).</translation>
    </message>
    <message>
        <source>The console speaks Vietnamese (vi) and English (en).</source>
        <translation>Bảng điều khiển có tiếng Việt (vi) và tiếng Anh (en).</translation>
    </message>
</context>
<context>
    <name>CentralOfficials::Scope</name>
    <message>
        <source>A scope is province, district:NAME or site:ID (for example district:Phú Vang); %1 is not.</source>
        <translation>Phạm vi là province, district:TÊN hoặc site:MÃ (ví dụ district:Phú Vang); %1 thì không phải.</translation>
    </message>
</context>
<context>
    <name>CentralPool</name>
    <message>
        <source>The central store is busy: every connection is in use. Try again in a moment.</source>
        <translation>Kho trung tâm đang bận: mọi kết nối đều đang được dùng. Hãy thử lại sau giây lát.</translation>
    </message>
</context>
<context>
    <name>CentralSchema</name>
    <message>
        <source>The central schema could not be brought to version %1: %2</source>
        <translation>Không nâng được lược đồ trung tâm lên phiên bản %1: %2</translation>
    </message>
</context>
<context>
    <name>CentralSettings</name>
    <message>
        <source>The scope %1 is none of province, district:NAME, site:ID or kiosk:ID.</source>
        <translation>Phạm vi %1 không phải province, district:TÊN, site:MÃ hay kiosk:MÃ.</translation>
    </message>
    <message>
        <source>%1 is not a setting the province shares with its kiosks; these are: %2.</source>
        <translation>%1 không phải thiết lập tỉnh dùng chung với các ki-ốt; các thiết lập đó là: %2.</translation>
    </message>
    <message>
        <source>The central store knows no %1: a district is known by its sites, a site and a kiosk once added.</source>
        <translation>Kho trung tâm không biết %1: một huyện được biết qua các cơ sở của nó, một cơ sở hay ki-ốt khi đã được thêm.</translation>
    </message>
    <message>
        <source>The central store refused the settings (%1).</source>
        <translation>Kho trung tâm từ chối các thiết lập (%1).</translation>
    </message>
    <message>
        <source>Only an administrator of this scope may change the shared settings.</source>
        <translation>Chỉ quản trị viên của phạm vi này mới được thay đổi các thiết lập dùng chung.</translation>
    </message>
    <message>
        <source>There is no %1 in your scope.</source>
        <translation>Không có %1 trong phạm vi của bạn.</translation>
    </message>
</context>
<context>
    <name>CentralTrace</name>
    <message>
        <source>The central store has no stay of this person at any site in the window.</source>
        <translation>Kho trung tâm không có lượt ở lại nào của người này tại bất kỳ cơ sở nào trong khoảng thời gian đó.</translation>
    </message>
    <message>
        <source>The trace could not be written (%1).</source>
        <translation>Không ghi được tệp truy vết (%1).</translation>
    </message>
</context>
<context>
    <name>CheckInService</name>
    <message>
        <source>A check-in needs the person&apos;s full name.</source>
        <translation>Khai báo vào cần họ và tên.</translation>
    </message>
    <message>
        <source>A check-in needs an ID number (citizen ID card, old ID card or passport).</source>
        <translation>Khai báo vào cần số giấy tờ (CCCD, CMND hoặc hộ chiếu).</translation>
    </message>
    <message>
        <source>%1 is already checked in (since %2); check out first.</source>
        <translation>%1 đã khai báo vào (từ %2); hãy khai báo ra trước.</translation>
    </message>
    <message>
        <source>This pass has already been used.</source>
        <translation>Thẻ khách này đã được sử dụng.</translation>
    </message>
    <message>
        <source>Welcome, %1. Your check-in is recorded.</source>
        <translation>Xin chào %1. Đã ghi nhận khai báo vào của bạn.</translation>
    </message>
    <message>
        <source>Welcome, %1. Your check-in is recorded. Your tracing app was not found: please install Bluezone with the code on the screen.</source>
        <translation>Xin chào %1. Đã ghi nhận khai báo vào của bạn. Không tìm thấy ứng dụng truy vết: vui lòng cài Bluezone bằng mã trên màn hình.</translation>
    </message>
    <message>
        <source>Your tracing app was not found. This building requires it: please see the receptionist.</source>
        <translation>Không tìm thấy ứng dụng truy vết. Cơ quan này yêu cầu ứng dụng: vui lòng gặp lễ tân.</translation>
    </message>
    <message>
        <source>Welcome, %1. Your check-in is recorded (admitted by the receptionist).</source>
        <translation>Xin chào %1. Đã ghi nhận khai báo vào của bạn (lễ tân cho phép).</translation>
    </message>
    <message>
        <source>Nobody with this ID number is checked in.</source>
        <translation>Không có ai với số giấy tờ này đang ở trong.</translation>
    </message>
    <message>
        <source>Say whose records to delete with their ID number.</source>
        <translation>Hãy cho biết số giấy tờ của người cần xóa dữ liệu.</translation>
    </message>
    <message>
        <source>This kiosk has no receptionist accounts: admit the visitor from the receptionist&apos;s console.</source>
        <translation>Kiốt này chưa có tài khoản lễ tân: hãy cho khách vào từ bàn lễ tân.</translation>
    </message>
    <message numerus="yes">
        <source>The person&apos;s records are deleted (%n entries), but another program is reading the entry log (the desk console, a backup), so their text is still on disk: close it and forget again to finish.</source>
        <translation>
            <numerusform>Hồ sơ của người này đã được xóa (%n lượt), nhưng một chương trình khác đang đọc sổ ra vào (bàn lễ tân, bản sao lưu) nên chữ của họ vẫn còn trên đĩa: hãy đóng chương trình đó rồi xóa lại lần nữa để hoàn tất.</numerusform>
        </translation>
    </message>
    <message>
        <source>This ID number cannot be checked in at the kiosk now. Please see the receptionist.</source>
        <translation>Số giấy tờ này hiện không thể khai báo vào tại kiốt. Vui lòng gặp lễ tân.</translation>
    </message>
    <message>
        <source>There is no entry %1.</source>
        <translation>Không có lượt vào %1.</translation>
    </message>
    <message>
        <source>Please see the receptionist.</source>
        <translation>Vui lòng gặp lễ tân.</translation>
    </message>
    <message>
        <source>%1 is under an isolation order (%2) until %3 on the health office&apos;s list: do not admit; call the health office.</source>
        <translation>%1 đang trong lệnh cách ly (%2) đến %3 theo danh sách của cơ quan y tế: không cho vào; hãy gọi cơ quan y tế.</translation>
    </message>
</context>
<context>
    <name>CheckOutScreen</name>
    <message>
        <source>Check out</source>
        <translation>Khai báo ra</translation>
    </message>
    <message>
        <source>To check out, show your citizen ID card or visitor pass to the camera, or type your ID number.</source>
        <translation>Để khai báo ra, hãy đưa căn cước công dân hoặc thẻ khách trước camera, hoặc nhập số giấy tờ.</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số giấy tờ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Type my ID number instead</source>
        <translation>Nhập số giấy tờ bằng tay</translation>
    </message>
</context>
<context>
    <name>CheckinCommand</name>
    <message>
        <source>Record an entry, as the kiosk does.</source>
        <translation>Ghi một lượt vào, như kiốt.</translation>
    </message>
    <message>
        <source>--type must be visitor, staff or guest, and --method qr_cccd, qr_pass, manual or staff_roster.</source>
        <translation>--type phải là visitor, staff hoặc guest, và --method là qr_cccd, qr_pass, manual hoặc staff_roster.</translation>
    </message>
    <message>
        <source>--app must be verified or not_detected.</source>
        <translation>--app phải là verified hoặc not_detected.</translation>
    </message>
    <message>
        <source>--at needs a date and time in ISO 8601 form, such as 2020-08-01T08:30:00+07:00.</source>
        <translation>--at cần ngày giờ dạng ISO 8601, ví dụ 2020-08-01T08:30:00+07:00.</translation>
    </message>
    <message>
        <source>A receptionist can admit them with --override REASON.</source>
        <translation>Lễ tân có thể cho vào bằng --override LÝ_DO.</translation>
    </message>
</context>
<context>
    <name>CheckoutCommand</name>
    <message>
        <source>Record an exit.</source>
        <translation>Ghi một lượt ra.</translation>
    </message>
    <message>
        <source>checkout needs exactly one of --id-number X and --entry ID.</source>
        <translation>checkout cần đúng một trong hai: --id-number X hoặc --entry ID.</translation>
    </message>
    <message>
        <source>--at needs a date and time in ISO 8601 form, such as 2020-08-01T17:00:00+07:00.</source>
        <translation>--at cần ngày giờ dạng ISO 8601, ví dụ 2020-08-01T17:00:00+07:00.</translation>
    </message>
    <message>
        <source>--entry needs an entry id, a whole number.</source>
        <translation>--entry cần mã lượt vào, là một số nguyên.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>No command given.</source>
        <translation>Chưa có lệnh nào.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Không có lệnh &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--now needs a date and time in ISO 8601 form, such as 2020-08-01T08:30:00+07:00.</source>
        <translation>--now cần ngày giờ theo dạng ISO 8601, ví dụ 2020-08-01T08:30:00+07:00.</translation>
    </message>
    <message>
        <source>Usage: gatehouse-cli [--db PATH] [--config PATH] [--now ISO8601] COMMAND [OPTIONS]

Gatehouse check-in kiosk, command line.

Commands:
</source>
        <translation>Cách dùng: gatehouse-cli [--db ĐƯỜNG_DẪN] [--config ĐƯỜNG_DẪN] [--now ISO8601] LỆNH [TÙY_CHỌN]

Kiốt khai báo ra vào Gatehouse, dòng lệnh.

Các lệnh:
</translation>
    </message>
    <message>
        <source>
&quot;gatehouse-cli COMMAND --help&quot; describes a command&apos;s options.
</source>
        <translation>
&quot;gatehouse-cli LỆNH --help&quot; mô tả các tùy chọn của một lệnh.
</translation>
    </message>
    <message>
        <source>Try &quot;gatehouse-cli --help&quot;.</source>
        <translation>Xem &quot;gatehouse-cli --help&quot;.</translation>
    </message>
</context>
<context>
    <name>ClientCertificate</name>
    <message>
        <source>The certificate for %1 could not be made (%2).</source>
        <translation>Không tạo được chứng chỉ cho %1 (%2).</translation>
    </message>
    <message>
        <source>The CA key is not a PEM private key (or it is encrypted).</source>
        <translation>Khoá của CA không phải khoá riêng dạng PEM (hoặc đã bị mã hoá).</translation>
    </message>
    <message>
        <source>The CA certificate is not a PEM certificate.</source>
        <translation>Chứng chỉ của CA không phải chứng chỉ dạng PEM.</translation>
    </message>
    <message>
        <source>The CA key does not belong to the CA certificate.</source>
        <translation>Khoá của CA không khớp với chứng chỉ của CA.</translation>
    </message>
    <message>
        <source>The CA key %1 cannot be read.</source>
        <translation>Không đọc được khoá CA %1.</translation>
    </message>
    <message>
        <source>The CA certificate %1 cannot be read.</source>
        <translation>Không đọc được chứng chỉ CA %1.</translation>
    </message>
    <message>
        <source>%1 already exists; Gatehouse never overwrites a key. Choose another folder.</source>
        <translation>%1 đã có; Gatehouse không bao giờ ghi đè một khoá. Hãy chọn thư mục khác.</translation>
    </message>
    <message>
        <source>The kiosk&apos;s key and certificate could not be written to %1.</source>
        <translation>Không ghi được khoá và chứng chỉ của ki-ốt vào %1.</translation>
    </message>
</context>
<context>
    <name>ClipSource</name>
    <message>
        <source>The video %1 cannot be played (%2).</source>
        <translation>Không phát được video %1 (%2).</translation>
    </message>
    <message>
        <source>The video %1 does not exist.</source>
        <translation>Không tìm thấy video %1.</translation>
    </message>
    <message>
        <source>The video %1 has no frames.</source>
        <translation>Video %1 không có khung hình nào.</translation>
    </message>
    <message>
        <source>The file %1 is not a video Gatehouse can play.</source>
        <translation>Tệp %1 không phải video Gatehouse phát được.</translation>
    </message>
</context>
<context>
    <name>ConsoleOptions</name>
    <message>
        <source>Usage: gatehouse-central --central URI --listen HOST:PORT --tls-cert FILE --tls-key FILE [--config FILE]</source>
        <translation>Cách dùng: gatehouse-central --central URI --listen HOST:PORT --tls-cert TỆP --tls-key TỆP [--config TỆP]</translation>
    </message>
    <message>
        <source>Unknown argument %1.</source>
        <translation>Không hiểu tham số %1.</translation>
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 cần một giá trị.</translation>
    </message>
    <message>
        <source>%1 is missing.</source>
        <translation>Thiếu %1.</translation>
    </message>
    <message>
        <source>--listen takes HOST:PORT, such as 0.0.0.0:8443 or 127.0.0.1:8443; %1 is not.</source>
        <translation>--listen nhận HOST:PORT, ví dụ 0.0.0.0:8443 hoặc 127.0.0.1:8443; %1 thì không phải.</translation>
    </message>
    <message>
        <source>%1 is not a file this account can read.</source>
        <translation>%1 không phải là tệp mà tài khoản này đọc được.</translation>
    </message>
    <message>
        <source>The console&apos;s TLS key is not private: %1 Make it readable by its owner only (chmod 600 %2).</source>
        <translation>Khóa TLS của bảng điều khiển không được giữ riêng: %1 Hãy để chỉ chủ sở hữu đọc được (chmod 600 %2).</translation>
    </message>
    <message>
        <source>%1 is not an INI file.</source>
        <translation>%1 không phải là tệp INI.</translation>
    </message>
    <message>
        <source>[console] %1 in %2 is a whole number from %3 to %4.</source>
        <translation>[console] %1 trong %2 phải là số nguyên từ %3 đến %4.</translation>
    </message>
    <message>
        <source>The console&apos;s signing key is not private: %1 Make it readable by its owner only (chmod 600 %2).</source>
        <translation>Khóa ký của bảng điều khiển không được giữ riêng: %1 Hãy để chỉ chủ sở hữu đọc được (chmod 600 %2).</translation>
    </message>
    <message>
        <source>[console] kiosk_ca_key and kiosk_ca_cert in %1 go together: the kiosks&apos; CA key and its certificate.</source>
        <translation>[console] kiosk_ca_key và kiosk_ca_cert trong %1 phải đi cùng nhau: khóa CA của các ki-ốt và chứng chỉ của nó.</translation>
    </message>
    <message>
        <source>The kiosks&apos; CA key is not private: %1 Make it readable by its owner only (chmod 600 %2).</source>
        <translation>Khóa CA của các ki-ốt không được bảo mật: %1 Hãy để chỉ chủ sở hữu đọc được (chmod 600 %2).</translation>
    </message>
</context>
<context>
    <name>ConsolePage</name>
    <message>
        <source>the whole province</source>
        <translation>toàn tỉnh</translation>
    </message>
    <message>
        <source>district %1</source>
        <translation>huyện %1</translation>
    </message>
    <message>
        <source>site %1</source>
        <translation>cơ sở %1</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Đăng xuất</translation>
    </message>
    <message>
        <source>The province&apos;s console</source>
        <translation>Bảng điều khiển của tỉnh</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Accounts are made by the province&apos;s administrator (gatehouse-cli central add-official).</source>
        <translation>Tài khoản do quản trị viên của tỉnh tạo (gatehouse-cli central add-official).</translation>
    </message>
    <message>
        <source>Sites and kiosks</source>
        <translation>Cơ sở và ki-ốt</translation>
    </message>
    <message numerus="yes">
        <source>%n site(s) in %1.</source>
        <translation>
            <numerusform>%n cơ sở trong %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>No site is registered in your scope yet.</source>
        <translation>Trong phạm vi của bạn chưa có cơ sở nào được đăng ký.</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Cơ sở</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Huyện</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Ki-ốt</translation>
    </message>
    <message>
        <source>Last heard from</source>
        <translation>Liên lạc lần cuối</translation>
    </message>
    <message>
        <source>No kiosk yet.</source>
        <translation>Chưa có ki-ốt.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>chưa bao giờ</translation>
    </message>
    <message>
        <source>Back to the console</source>
        <translation>Quay lại bảng điều khiển</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Ca bệnh</translation>
    </message>
    <message>
        <source>Open a case</source>
        <translation>Mở ca bệnh</translation>
    </message>
    <message>
        <source>ID number of the case (F0)</source>
        <translation>Số định danh của ca bệnh (F0)</translation>
    </message>
    <message>
        <source>Infectious from</source>
        <translation>Có khả năng lây từ</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Đến</translation>
    </message>
    <message>
        <source>Open the case</source>
        <translation>Mở ca bệnh</translation>
    </message>
    <message>
        <source>The window is in the province&apos;s time. The case&apos;s stays at the sites you may see, and everyone whose stay overlapped them, are shown on the case&apos;s page.</source>
        <translation>Khoảng thời gian tính theo giờ của tỉnh. Trang của ca bệnh cho thấy các lần có mặt của ca bệnh tại những cơ sở bạn được xem, và mọi người có mặt trùng thời gian.</translation>
    </message>
    <message>
        <source>No case has been opened in your scope.</source>
        <translation>Chưa có ca bệnh nào được mở trong phạm vi của bạn.</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Ca bệnh</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Khoảng thời gian</translation>
    </message>
    <message>
        <source>Opened by</source>
        <translation>Người mở</translation>
    </message>
    <message>
        <source>Contacts marked</source>
        <translation>Người tiếp xúc đã đánh dấu</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Case %1 (…%2)</source>
        <translation>Ca bệnh %1 (…%2)</translation>
    </message>
    <message>
        <source>%1 reached of %2 marked</source>
        <translation>%1 liên lạc được / %2 đã đánh dấu</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>đã đóng</translation>
    </message>
    <message>
        <source>open</source>
        <translation>đang mở</translation>
    </message>
    <message>
        <source>not marked yet</source>
        <translation>chưa đánh dấu</translation>
    </message>
    <message>
        <source>reached</source>
        <translation>đã liên lạc được</translation>
    </message>
    <message>
        <source>not reached</source>
        <translation>chưa liên lạc được</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Đã liên lạc được</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>Chưa liên lạc được</translation>
    </message>
    <message>
        <source>still inside</source>
        <translation>vẫn còn bên trong</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Ca bệnh %1</translation>
    </message>
    <message>
        <source>Window %1 – %2 · opened by %3 (%4) at %5</source>
        <translation>Khoảng thời gian %1 – %2 · do %3 (%4) mở lúc %5</translation>
    </message>
    <message>
        <source>Closed by %1 at %2.</source>
        <translation>Do %1 đóng lúc %2.</translation>
    </message>
    <message>
        <source>Make the case file (CSV)</source>
        <translation>Lập tệp ca bệnh (CSV)</translation>
    </message>
    <message>
        <source>Show the second ring (F2)</source>
        <translation>Xem vòng thứ hai (F2)</translation>
    </message>
    <message>
        <source>Close the case</source>
        <translation>Đóng ca bệnh</translation>
    </message>
    <message>
        <source>Case file</source>
        <translation>Tệp ca bệnh</translation>
    </message>
    <message>
        <source>The manifest names you and is signed with the province&apos;s export key; check it with gatehouse-cli verify-export or openssl.</source>
        <translation>Bản kê ghi tên bạn và được ký bằng khóa xuất dữ liệu của tỉnh; hãy kiểm tra bằng gatehouse-cli verify-export hoặc openssl.</translation>
    </message>
    <message>
        <source>This console has no signing key ([console] signing_key): the file comes without a signed manifest.</source>
        <translation>Bảng điều khiển này không có khóa ký ([console] signing_key): tệp không kèm bản kê có chữ ký.</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Người tiếp xúc</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Thời gian có mặt</translation>
    </message>
    <message>
        <source>Minutes together</source>
        <translation>Số phút cùng có mặt</translation>
    </message>
    <message>
        <source>Reached?</source>
        <translation>Đã liên lạc?</translation>
    </message>
    <message>
        <source>The case&apos;s stays and their contacts (F1)</source>
        <translation>Các lần có mặt của ca bệnh và người tiếp xúc (F1)</translation>
    </message>
    <message>
        <source>No stay of this person in the window at a site you may see.</source>
        <translation>Người này không có mặt tại cơ sở nào bạn được xem trong khoảng thời gian này.</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n người tiếp xúc</numerusform>
        </translation>
    </message>
    <message>
        <source>Second ring (F2): the contacts of the contacts</source>
        <translation>Vòng thứ hai (F2): người tiếp xúc của người tiếp xúc</translation>
    </message>
    <message>
        <source>Nobody else stayed with the contacts in the window.</source>
        <translation>Không có ai khác có mặt cùng những người tiếp xúc trong khoảng thời gian này.</translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation>Tuân thủ</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Lượt vào</translation>
    </message>
    <message>
        <source>With the app</source>
        <translation>Có ứng dụng</translation>
    </message>
    <message>
        <source>Without the app</source>
        <translation>Không có ứng dụng</translation>
    </message>
    <message>
        <source>Let in by a receptionist</source>
        <translation>Lễ tân cho vào</translation>
    </message>
    <message>
        <source>Sent to the receptionist</source>
        <translation>Chuyển đến lễ tân</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n lượt vào</numerusform>
        </translation>
    </message>
    <message>
        <source>What the People&apos;s Committee&apos;s letter asks: every entry recorded, the tracing app running on the visitors&apos; phones. Counted per site and day as the kiosks send, in the province&apos;s days; nothing here names a person.</source>
        <translation>Điều công văn của UBND tỉnh yêu cầu: ghi lại mọi lượt vào, ứng dụng truy vết chạy trên điện thoại của người đến. Được đếm theo cơ sở và ngày khi các ki-ốt gửi lên, theo ngày của tỉnh; trang này không nêu tên ai.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <source>Target share with the app (%)</source>
        <translation>Mục tiêu tỷ lệ có ứng dụng (%)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Xem</translation>
    </message>
    <message>
        <source>entries</source>
        <translation>lượt vào</translation>
    </message>
    <message>
        <source>with the tracing app verified</source>
        <translation>có ứng dụng truy vết được xác nhận</translation>
    </message>
    <message>
        <source>let in without the app, %1 of them by a receptionist</source>
        <translation>vào mà không có ứng dụng, trong đó %1 lượt do lễ tân cho vào</translation>
    </message>
    <message>
        <source>sent to the receptionist</source>
        <translation>được chuyển đến lễ tân</translation>
    </message>
    <message>
        <source>Share of entries with the app verified, per day; the dashed line is the target of %1 %.</source>
        <translation>Tỷ lệ lượt vào có ứng dụng được xác nhận theo ngày; đường gạch là mục tiêu %1 %.</translation>
    </message>
    <message>
        <source>Orange: a day below the target. A day without a bar had no entry.</source>
        <translation>Màu cam: ngày dưới mục tiêu. Ngày không có cột là ngày không có lượt vào.</translation>
    </message>
    <message>
        <source>Download the table per site and day (CSV)</source>
        <translation>Tải bảng theo cơ sở và ngày (CSV)</translation>
    </message>
    <message>
        <source>Sites below the target, lowest first</source>
        <translation>Cơ sở dưới mục tiêu, thấp nhất trước</translation>
    </message>
    <message>
        <source>No site with entries is below the target.</source>
        <translation>Không có cơ sở nào có lượt vào mà dưới mục tiêu.</translation>
    </message>
    <message>
        <source>Kiosks that have not sent for a day</source>
        <translation>Ki-ốt không gửi dữ liệu trong một ngày qua</translation>
    </message>
    <message>
        <source>Every kiosk has sent within the last day.</source>
        <translation>Mọi ki-ốt đều đã gửi dữ liệu trong một ngày qua.</translation>
    </message>
    <message>
        <source>Districts</source>
        <translation>Huyện</translation>
    </message>
    <message>
        <source>no district</source>
        <translation>chưa có huyện</translation>
    </message>
    <message numerus="yes">
        <source>%n site(s)</source>
        <translation>
            <numerusform>%n cơ sở</numerusform>
        </translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Từng ngày</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message numerus="yes">
        <source>Every site (%n)</source>
        <translation>
            <numerusform>Tất cả cơ sở (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more below the target: every site is in the table below and in the CSV.</source>
        <translation>
            <numerusform>… và %n cơ sở khác dưới mục tiêu: mọi cơ sở có trong bảng bên dưới và trong tệp CSV.</numerusform>
        </translation>
    </message>
    <message>
        <source>Download %1</source>
        <translation>Tải về %1</translation>
    </message>
    <message>
        <source>Offered once: the kiosk&apos;s private key leaves the console with this download. Unpack it into /etc/gatehouse on the kiosk (tar -xf %1 -C /etc/gatehouse) and add central.ini&apos;s [central] group to gatehouse.ini.</source>
        <translation>Chỉ tải được một lần: khóa riêng của ki-ốt rời khỏi bảng điều khiển cùng lần tải này. Giải nén vào /etc/gatehouse trên ki-ốt (tar -xf %1 -C /etc/gatehouse) và thêm nhóm [central] của central.ini vào gatehouse.ini.</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Đang chờ gửi</translation>
    </message>
    <message>
        <source>Add a site</source>
        <translation>Thêm cơ sở</translation>
    </message>
    <message>
        <source>Site id</source>
        <translation>Mã cơ sở</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Add the site</source>
        <translation>Thêm cơ sở này</translation>
    </message>
    <message>
        <source>Add a kiosk</source>
        <translation>Thêm ki-ốt</translation>
    </message>
    <message>
        <source>Kiosk id</source>
        <translation>Mã ki-ốt</translation>
    </message>
    <message>
        <source>Entrance</source>
        <translation>Lối vào</translation>
    </message>
    <message>
        <source>Add the kiosk</source>
        <translation>Thêm ki-ốt này</translation>
    </message>
    <message>
        <source>A kiosk id is lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;; it is also the kiosk&apos;s login and its certificate&apos;s name. Its TLS files are offered once, right after it is added.</source>
        <translation>Mã ki-ốt gồm chữ thường, chữ số, &apos;.&apos;, &apos;_&apos; hoặc &apos;-&apos;; đó cũng là tên đăng nhập của ki-ốt và tên trong chứng chỉ. Các tệp TLS của ki-ốt được tải một lần, ngay sau khi thêm.</translation>
    </message>
    <message>
        <source>A kiosk id is lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;; it is also the kiosk&apos;s login and its certificate&apos;s name. This console has no CA key: issue the kiosk&apos;s TLS files with gatehouse-cli central add-kiosk --ca-key.</source>
        <translation>Mã ki-ốt gồm chữ thường, chữ số, &apos;.&apos;, &apos;_&apos; hoặc &apos;-&apos;; đó cũng là tên đăng nhập của ki-ốt và tên trong chứng chỉ. Bảng điều khiển này không có khóa CA: hãy cấp các tệp TLS của ki-ốt bằng gatehouse-cli central add-kiosk --ca-key.</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Các ki-ốt</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n kiosk(s)</source>
        <translation>
            <numerusform>%1: %n ki-ốt</numerusform>
        </translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>chưa báo</translation>
    </message>
    <message numerus="yes">
        <source>%n kiosk(s) in %1.</source>
        <translation>
            <numerusform>%n ki-ốt trong %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not heard from for a day: %1</source>
        <translation>Không liên lạc trong một ngày: %1</translation>
    </message>
    <message>
        <source>With a failing check or refused settings: %1</source>
        <translation>Có kiểm tra không đạt hoặc từ chối thiết lập: %1</translation>
    </message>
    <message>
        <source>Clock off by a minute or more: %1</source>
        <translation>Đồng hồ lệch từ một phút trở lên: %1</translation>
    </message>
    <message>
        <source>Versions in use: %1</source>
        <translation>Phiên bản đang dùng: %1</translation>
    </message>
    <message>
        <source>Download as CSV</source>
        <translation>Tải về dạng CSV</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Đồng hồ</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Vấn đề</translation>
    </message>
    <message>
        <source>failing checks: %1</source>
        <translation>kiểm tra không đạt: %1</translation>
    </message>
    <message>
        <source>refused the settings: %1</source>
        <translation>từ chối thiết lập: %1</translation>
    </message>
    <message>
        <source>last failure: %1</source>
        <translation>lỗi gần nhất: %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 giây</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Thiết lập</translation>
    </message>
    <message>
        <source>Shared settings</source>
        <translation>Thiết lập dùng chung</translation>
    </message>
    <message>
        <source>Kiosks take these at their next sync; the nearest scope wins (kiosk:ID, site:ID, district:NAME, province), and what no scope sets comes from the kiosk&apos;s configuration.</source>
        <translation>Các ki-ốt nhận những thiết lập này ở lần đồng bộ tới; phạm vi gần nhất được áp dụng (kiosk:MÃ, site:MÃ, district:TÊN, province), điều không phạm vi nào đặt thì lấy từ cấu hình của ki-ốt.</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Phạm vi</translation>
    </message>
    <message>
        <source>Saved: the kiosks of %1 take it at their next sync.</source>
        <translation>Đã lưu: các ki-ốt của %1 nhận ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 lúc %2</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Thiết lập</translation>
    </message>
    <message>
        <source>Value here</source>
        <translation>Giá trị tại đây</translation>
    </message>
    <message>
        <source>Set by</source>
        <translation>Người đặt</translation>
    </message>
    <message>
        <source>An empty field sets nothing here. To try a change on a few kiosks first, set it at kiosk:ID for each, then at the wider scope.</source>
        <translation>Ô để trống là không đặt gì ở đây. Muốn thử trước trên vài ki-ốt, hãy đặt ở kiosk:MÃ cho từng ki-ốt, rồi mới đặt ở phạm vi rộng hơn.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>When the central store was last backed up could not be read.</source>
        <translation>Không đọc được thời điểm sao lưu gần nhất của kho dữ liệu trung tâm.</translation>
    </message>
    <message>
        <source>Last good backup of the central store: %1.</source>
        <translation>Bản sao lưu tốt gần nhất của kho dữ liệu trung tâm: %1.</translation>
    </message>
    <message>
        <source>No good backup of the central store is recorded.</source>
        <translation>Chưa có bản sao lưu tốt nào của kho dữ liệu trung tâm được ghi nhận.</translation>
    </message>
    <message>
        <source>Its changes are archived up to %1.</source>
        <translation>Các thay đổi đã được lưu trữ đến %1.</translation>
    </message>
    <message>
        <source>Its changes are not archived: a restore would end at the backup.</source>
        <translation>Các thay đổi chưa được lưu trữ: khôi phục sẽ chỉ về được thời điểm của bản sao lưu.</translation>
    </message>
    <message>
        <source>Archiving last failed at %1: tell the store&apos;s administrator.</source>
        <translation>Lưu trữ thay đổi hỏng lần gần nhất lúc %1: hãy báo người quản trị kho.</translation>
    </message>
</context>
<context>
    <name>ConsoleServer</name>
    <message>
        <source>%1 is not a PEM private key without a passphrase (%2).</source>
        <translation>%1 không phải là khóa riêng PEM không có mật khẩu (%2).</translation>
    </message>
    <message>
        <source>%1 is not a PEM certificate (%2).</source>
        <translation>%1 không phải là chứng chỉ PEM (%2).</translation>
    </message>
    <message>
        <source>%1 is not the key of the certificate %2.</source>
        <translation>%1 không phải là khóa của chứng chỉ %2.</translation>
    </message>
    <message>
        <source>The certificate %1 is not valid today: renew it.</source>
        <translation>Chứng chỉ %1 không có hiệu lực hôm nay: hãy gia hạn.</translation>
    </message>
    <message>
        <source>TLS could not be set up.</source>
        <translation>Không thiết lập được TLS.</translation>
    </message>
    <message>
        <source>Nothing can listen on %1:%2: another program has that port, or the address is not this computer&apos;s.</source>
        <translation>Không thể lắng nghe tại %1:%2: một chương trình khác đang dùng cổng đó, hoặc địa chỉ không thuộc máy này.</translation>
    </message>
    <message>
        <source>That request is too large for this console.</source>
        <translation>Yêu cầu đó quá lớn đối với bảng điều khiển này.</translation>
    </message>
    <message>
        <source>This console does not answer that kind of request.</source>
        <translation>Bảng điều khiển này không trả lời loại yêu cầu đó.</translation>
    </message>
    <message>
        <source>This console could not read that request.</source>
        <translation>Bảng điều khiển này không đọc được yêu cầu đó.</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>Không thực hiện được</translation>
    </message>
    <message>
        <source>Something went wrong on the server.</source>
        <translation>Máy chủ đã gặp lỗi.</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <source>This form did not come from your console page. Open the page again and repeat what you did.</source>
        <translation>Biểu mẫu này không đến từ trang bảng điều khiển của bạn. Hãy mở lại trang và làm lại thao tác.</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again.</source>
        <translation>Phiên làm việc của bạn đã kết thúc. Hãy đăng nhập lại.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Không tìm thấy</translation>
    </message>
    <message>
        <source>This console has no such page.</source>
        <translation>Bảng điều khiển không có trang này.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Hãy đăng nhập trước.</translation>
    </message>
    <message>
        <source>The central store does not answer: %1</source>
        <translation>Kho trung tâm không trả lời: %1</translation>
    </message>
    <message>
        <source>The sign-in form had expired. Open the console&apos;s page again and sign in.</source>
        <translation>Biểu mẫu đăng nhập đã hết hạn. Hãy mở lại trang bảng điều khiển và đăng nhập.</translation>
    </message>
    <message>
        <source>The console logs in to the central store as %1, a superuser or a role that bypasses row-level security. Give it a login of its own in gatehouse_console (README, &quot;The province&apos;s console&quot;).</source>
        <translation>Bảng điều khiển đăng nhập vào kho trung tâm bằng %1, là siêu người dùng hoặc vai trò bỏ qua bảo mật theo dòng. Hãy cấp cho nó một tài khoản đăng nhập riêng trong gatehouse_console (README, &quot;Bảng điều khiển của tỉnh&quot;).</translation>
    </message>
    <message>
        <source>The console logs in to the central store as %1, which is not a member of gatehouse_console: GRANT gatehouse_console TO %1 (after central migrate).</source>
        <translation>Bảng điều khiển đăng nhập vào kho trung tâm bằng %1, vốn không thuộc gatehouse_console: GRANT gatehouse_console TO %1 (sau central migrate).</translation>
    </message>
    <message>
        <source>Give the window as two dates and times.</source>
        <translation>Hãy nhập khoảng thời gian bằng hai ngày giờ.</translation>
    </message>
    <message>
        <source>Say whether the contact was reached.</source>
        <translation>Hãy cho biết đã liên lạc được với người tiếp xúc hay chưa.</translation>
    </message>
    <message>
        <source>The case file could not be made: no temporary folder.</source>
        <translation>Không lập được tệp ca bệnh: không có thư mục tạm.</translation>
    </message>
    <message>
        <source>This file is no longer here: make the case file again.</source>
        <translation>Tệp này không còn nữa: hãy lập lại tệp ca bệnh.</translation>
    </message>
    <message>
        <source>The target is a share from 1 to 100 %.</source>
        <translation>Mục tiêu là một tỷ lệ từ 1 đến 100 %.</translation>
    </message>
    <message>
        <source>Only an administrator of this scope may add sites and kiosks.</source>
        <translation>Chỉ quản trị viên của phạm vi này mới được thêm cơ sở và ki-ốt.</translation>
    </message>
    <message>
        <source>Kiosk %1 is registered, but its TLS files could not be issued: %2 Issue them with gatehouse-cli central add-kiosk --ca-key.</source>
        <translation>Ki-ốt %1 đã được đăng ký, nhưng không cấp được các tệp TLS của nó: %2 Hãy cấp bằng gatehouse-cli central add-kiosk --ca-key.</translation>
    </message>
    <message>
        <source>%1 cannot be read (%2).</source>
        <translation>Không đọc được %1 (%2).</translation>
    </message>
    <message>
        <source>These files were offered once and have been downloaded. To issue new ones, add the kiosk again.</source>
        <translation>Các tệp này chỉ được tải một lần và đã được tải về. Để cấp tệp mới, hãy thêm lại ki-ốt.</translation>
    </message>
    <message>
        <source>Only an administrator of this scope may change the shared settings.</source>
        <translation>Chỉ quản trị viên của phạm vi này mới được thay đổi các thiết lập dùng chung.</translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <source>%1 GB free</source>
        <translation>còn trống %1 GB</translation>
    </message>
    <message>
        <source>Gatehouse reception</source>
        <translation>Gatehouse - bàn lễ tân</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Mở khóa</translation>
    </message>
    <message>
        <source>Inside now</source>
        <translation>Đang ở trong</translation>
    </message>
    <message>
        <source>Check in by hand</source>
        <translation>Khai báo vào thủ công</translation>
    </message>
    <message>
        <source>Officials and reports</source>
        <translation>Cơ quan y tế và báo cáo</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Nhật ký quản trị</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>This site has no accounts yet. An administrator creates the first one on this computer with: gatehouse-cli account add --name NAME --role admin</source>
        <translation>Nơi này chưa có tài khoản nào. Quản trị viên tạo tài khoản đầu tiên trên máy này bằng lệnh: gatehouse-cli account add --name TÊN --role admin</translation>
    </message>
    <message>
        <source>Reception console: choose your name and type your PIN</source>
        <translation>Bàn lễ tân: chọn tên của bạn và nhập mã PIN</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Mã PIN</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>Signed in: %1</source>
        <translation>Đang đăng nhập: %1</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Khóa</translation>
    </message>
    <message>
        <source>Bluetooth: %1   Camera: %2</source>
        <translation>Bluetooth: %1   Camera: %2</translation>
    </message>
    <message>
        <source>found</source>
        <translation>có</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>không tìm thấy</translation>
    </message>
    <message>
        <source>Administrator only: choose your name and type your PIN</source>
        <translation>Chỉ dành cho quản trị viên: chọn tên và nhập mã PIN</translation>
    </message>
    <message>
        <source>Back to check-in</source>
        <translation>Quay lại màn hình khai báo</translation>
    </message>
    <message>
        <source>Close the kiosk</source>
        <translation>Đóng kiốt</translation>
    </message>
    <message>
        <source>Lock and back to check-in</source>
        <translation>Khóa và quay lại khai báo</translation>
    </message>
    <message numerus="yes">
        <source>Roll call of %n people saved to %1: print it and take it outside.</source>
        <translation>
            <numerusform>Đã lưu danh sách điểm danh %n người vào %1: hãy in và mang ra ngoài.</numerusform>
        </translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
</context>
<context>
    <name>ContactTrace</name>
    <message>
        <source>Nobody with this ID number was here in that window.</source>
        <translation>Không có ai với số giấy tờ này ở đây trong khoảng thời gian đó.</translation>
    </message>
    <message>
        <source>The trace could not be written (%1).</source>
        <translation>Không ghi được kết quả truy vết (%1).</translation>
    </message>
</context>
<context>
    <name>CsvExport</name>
    <message>
        <source>The export could not be written (%1).</source>
        <translation>Không ghi được tệp xuất (%1).</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>a quoted field opened on line %1 is never closed</source>
        <translation>một trường trong ngoặc kép mở ở dòng %1 không được đóng</translation>
    </message>
</context>
<context>
    <name>DailyEntriesChart</name>
    <message>
        <source>Visitors</source>
        <translation>Khách</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>Khách lưu trú</translation>
    </message>
    <message>
        <source>App verified (%)</source>
        <translation>Có ứng dụng (%)</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Lượt vào</translation>
    </message>
    <message>
        <source>With the app</source>
        <translation>Có ứng dụng</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Gatehouse cannot create its data folder %1.</source>
        <translation>Gatehouse không tạo được thư mục dữ liệu %1.</translation>
    </message>
    <message>
        <source>The database path %1 is not a file.</source>
        <translation>Đường dẫn cơ sở dữ liệu %1 không phải là tệp.</translation>
    </message>
    <message>
        <source>The database %1 cannot be written to.</source>
        <translation>Không ghi được vào cơ sở dữ liệu %1.</translation>
    </message>
    <message>
        <source>The database %1 was written by a newer Gatehouse (schema %2); this version understands schema %3 and older.</source>
        <translation>Cơ sở dữ liệu %1 do một phiên bản Gatehouse mới hơn ghi (lược đồ %2); phiên bản này chỉ hiểu lược đồ %3 trở về trước.</translation>
    </message>
    <message>
        <source>Gatehouse cannot open the database %1 (%2).</source>
        <translation>Gatehouse không mở được cơ sở dữ liệu %1 (%2).</translation>
    </message>
    <message>
        <source>The file %1 is not a Gatehouse database, or it is damaged (%2).</source>
        <translation>Tệp %1 không phải cơ sở dữ liệu Gatehouse, hoặc đã bị hỏng (%2).</translation>
    </message>
    <message>
        <source>The database %1 is damaged. Restore the latest backup, or move the file away to start a new log.</source>
        <translation>Cơ sở dữ liệu %1 bị hỏng. Hãy khôi phục bản sao lưu gần nhất, hoặc chuyển tệp đi để bắt đầu sổ mới.</translation>
    </message>
    <message>
        <source>The database %1 is busy (%2).</source>
        <translation>Cơ sở dữ liệu %1 đang bận (%2).</translation>
    </message>
    <message>
        <source>The database %1 could not be upgraded to schema %2 (%3).</source>
        <translation>Không nâng cấp được cơ sở dữ liệu %1 lên lược đồ %2 (%3).</translation>
    </message>
    <message>
        <source>The database %1 could not be upgraded (%2).</source>
        <translation>Không nâng cấp được cơ sở dữ liệu %1 (%2).</translation>
    </message>
    <message>
        <source>The database %1 could not be checked.</source>
        <translation>Không kiểm tra được cơ sở dữ liệu %1.</translation>
    </message>
    <message>
        <source>The database %1 is damaged (%2).</source>
        <translation>Cơ sở dữ liệu %1 bị hỏng (%2).</translation>
    </message>
    <message>
        <source>%1 already exists; a backup never overwrites a file.</source>
        <translation>%1 đã tồn tại; sao lưu không bao giờ ghi đè tệp.</translation>
    </message>
    <message>
        <source>The backup to %1 failed (%2).</source>
        <translation>Sao lưu vào %1 thất bại (%2).</translation>
    </message>
    <message>
        <source>Gatehouse could not %1: the disk holding %2 is full. Nothing was recorded.</source>
        <translation>Gatehouse không thể %1: ổ đĩa chứa %2 đã đầy. Chưa có gì được ghi.</translation>
    </message>
    <message>
        <source>Gatehouse could not %1: the database %2 is read-only. Nothing was recorded.</source>
        <translation>Gatehouse không thể %1: cơ sở dữ liệu %2 chỉ đọc. Chưa có gì được ghi.</translation>
    </message>
    <message>
        <source>Gatehouse could not %1: another program is holding the database %2. Nothing was recorded; try again.</source>
        <translation>Gatehouse không thể %1: một chương trình khác đang giữ cơ sở dữ liệu %2. Chưa có gì được ghi; hãy thử lại.</translation>
    </message>
    <message>
        <source>Gatehouse could not %1: the database %2 cannot be written safely (%3). Nothing was recorded.</source>
        <translation>Gatehouse không thể %1: không ghi an toàn được vào cơ sở dữ liệu %2 (%3). Chưa có gì được ghi.</translation>
    </message>
    <message>
        <source>Gatehouse could not %1 (%2).</source>
        <translation>Gatehouse không thể %1 (%2).</translation>
    </message>
    <message>
        <source>Gatehouse cannot make %1 private to its owner (change its owner or modes).</source>
        <translation>Gatehouse không đặt được %1 chỉ cho chủ sở hữu đọc (hãy đổi chủ sở hữu hoặc quyền của tệp).</translation>
    </message>
    <message>
        <source>Gatehouse cannot write %1 (%2).</source>
        <translation>Gatehouse không ghi được %1 (%2).</translation>
    </message>
    <message>
        <source>write the log into its file</source>
        <translation>ghi sổ vào tệp</translation>
    </message>
    <message>
        <source>Another program is reading %1: what was deleted leaves its WAL file at the next checkpoint.</source>
        <translation>Một chương trình khác đang đọc %1: dữ liệu đã xóa sẽ rời tệp WAL ở lần ghi tiếp theo.</translation>
    </message>
</context>
<context>
    <name>Database::Batch</name>
    <message>
        <source>Gatehouse could not start a transaction on %1.</source>
        <translation>Gatehouse không bắt đầu được giao dịch trên %1.</translation>
    </message>
    <message>
        <source>save the batch</source>
        <translation>lưu lô dữ liệu</translation>
    </message>
</context>
<context>
    <name>DaySummary</name>
    <message>
        <source>Today&apos;s figures cannot be read (%1).</source>
        <translation>Không đọc được số liệu hôm nay (%1).</translation>
    </message>
</context>
<context>
    <name>DecodeCommand</name>
    <message>
        <source>Find QR codes in images and videos and say what they are.</source>
        <translation>Tìm mã QR trong ảnh và video, cho biết đó là mã gì.</translation>
    </message>
    <message>
        <source>Images (PNG, JPEG) or video files.</source>
        <translation>Ảnh (PNG, JPEG) hoặc tệp video.</translation>
    </message>
    <message>
        <source>decode needs at least one image or video file.</source>
        <translation>decode cần ít nhất một tệp ảnh hoặc video.</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>Không tìm thấy tệp %1.</translation>
    </message>
    <message>
        <source>%1 is not an image or a video; skipped.</source>
        <translation>%1 không phải ảnh hay video; bỏ qua.</translation>
    </message>
    <message>
        <source>no code found</source>
        <translation>không tìm thấy mã</translation>
    </message>
</context>
<context>
    <name>DemoDataCommand</name>
    <message>
        <source>Make the kiosk&apos;s demo data: a lobby capture and QR clips of made-up visitors.</source>
        <translation>Tạo dữ liệu trình diễn cho kiốt: bản ghi sảnh và các đoạn video mã QR của khách giả định.</translation>
    </message>
    <message>
        <source>demo-data needs --out DIR, a folder Gatehouse can create.</source>
        <translation>demo-data cần --out THƯ_MỤC, một thư mục Gatehouse tạo được.</translation>
    </message>
    <message>
        <source>Demo data written to %1: %2 adverts, %3 visitor clips.</source>
        <translation>Đã ghi dữ liệu trình diễn vào %1: %2 gói quảng bá, %3 đoạn video khách.</translation>
    </message>
</context>
<context>
    <name>DemoFiles</name>
    <message>
        <source>This build has no demo data: the demo shows no visitors.</source>
        <translation>Bản dựng này không có dữ liệu trình diễn: chế độ trình diễn sẽ không có khách.</translation>
    </message>
    <message>
        <source>The demo data could not be copied to %1.</source>
        <translation>Không sao chép được dữ liệu trình diễn vào %1.</translation>
    </message>
</context>
<context>
    <name>DeskConnection</name>
    <message>
        <source>The kiosk wrote the file but could not read it back to send it.</source>
        <translation>Kiốt đã ghi tệp nhưng không đọc lại được để gửi đi.</translation>
    </message>
    <message>
        <source>The kiosk has no room to write the file: nothing was written.</source>
        <translation>Kiốt không còn chỗ để ghi tệp: chưa ghi gì cả.</translation>
    </message>
    <message>
        <source>The file needs a name.</source>
        <translation>Tệp cần có tên.</translation>
    </message>
    <message>
        <source>The console sent a request the kiosk cannot read.</source>
        <translation>Bàn lễ tân gửi một yêu cầu mà kiốt không đọc được.</translation>
    </message>
    <message>
        <source>The kiosk has no room for the roster: nothing was imported.</source>
        <translation>Kiốt không còn chỗ cho danh sách cán bộ: chưa nhập gì cả.</translation>
    </message>
    <message>
        <source>The kiosk does not serve &quot;%1&quot; to a console yet: do it at the kiosk&apos;s own console.</source>
        <translation>Kiốt chưa phục vụ &quot;%1&quot; cho bàn lễ tân: hãy làm việc này tại bàn lễ tân trên chính kiốt.</translation>
    </message>
    <message>
        <source>The kiosk&apos;s answer is too long for the console (%1 MB): ask for less at a time.</source>
        <translation>Câu trả lời của kiốt quá dài cho bàn lễ tân (%1 MB): hãy hỏi ít hơn mỗi lần.</translation>
    </message>
</context>
<context>
    <name>DeskLink</name>
    <message>
        <source>The kiosk closed the reception desk&apos;s connection: is Gatehouse still running on this computer?</source>
        <translation>Kiốt đã đóng kết nối của bàn lễ tân: Gatehouse có còn chạy trên máy này không?</translation>
    </message>
    <message>
        <source>This account may not use the reception desk at %1: ask the site&apos;s administrator to add it to the kiosk&apos;s group.</source>
        <translation>Tài khoản này không được dùng bàn lễ tân tại %1: hãy nhờ quản trị viên của cơ quan thêm nó vào nhóm của kiốt.</translation>
    </message>
    <message>
        <source>The file from the kiosk could not be saved in %1: is the disk full?</source>
        <translation>Không lưu được tệp từ kiốt vào %1: ổ đĩa có đầy không?</translation>
    </message>
    <message>
        <source>The console is not connected to the kiosk.</source>
        <translation>Bàn lễ tân chưa kết nối với kiốt.</translation>
    </message>
    <message>
        <source>The kiosk&apos;s answer could not be read.</source>
        <translation>Không đọc được câu trả lời của kiốt.</translation>
    </message>
    <message>
        <source>The kiosk does not answer at %1 (%2): start Gatehouse on this computer (systemctl start gatehouse-kiosk).</source>
        <translation>Kiốt không trả lời tại %1 (%2): hãy khởi động Gatehouse trên máy này (systemctl start gatehouse-kiosk).</translation>
    </message>
    <message>
        <source>The kiosk at %1 closed the reception desk&apos;s connection: is it on and running Gatehouse?</source>
        <translation>Kiốt tại %1 đã đóng kết nối của bàn lễ tân: kiốt có đang bật và chạy Gatehouse không?</translation>
    </message>
    <message>
        <source>The kiosk at %1 does not answer within %2 seconds: is it on, running Gatehouse, with console/tls_port set, and is the way to it open?</source>
        <translation>Kiốt tại %1 không trả lời trong %2 giây: kiốt có đang bật, chạy Gatehouse, đã đặt console/tls_port và đường mạng tới nó có mở không?</translation>
    </message>
</context>
<context>
    <name>DeskServer</name>
    <message>
        <source>The kiosk cannot open the reception desk&apos;s socket %1 (%2): the console cannot reach it.</source>
        <translation>Kiốt không mở được socket của bàn lễ tân %1 (%2): bàn lễ tân không kết nối được.</translation>
    </message>
    <message>
        <source>someone unknown</source>
        <translation>một người không rõ</translation>
    </message>
    <message>
        <source>The account %1 may not use the reception desk: ask the site&apos;s administrator to add it to the group %2.</source>
        <translation>Tài khoản %1 không được dùng bàn lễ tân: hãy nhờ quản trị viên của cơ quan thêm nó vào nhóm %2.</translation>
    </message>
    <message>
        <source>the computer at %1 (%2)</source>
        <translation>máy tính tại %1 (%2)</translation>
    </message>
    <message>
        <source>The kiosk cannot serve the reception desk on port %1 (%2): the desk computers cannot reach it.</source>
        <translation>Kiốt không phục vụ được bàn lễ tân ở cổng %1 (%2): các máy tính ở quầy không kết nối được.</translation>
    </message>
</context>
<context>
    <name>DeskSession</name>
    <message>
        <source>%1 is signed in: lock the console first.</source>
        <translation>%1 đang đăng nhập: hãy khóa bàn lễ tân trước.</translation>
    </message>
    <message>
        <source>The console is locked: choose your name and type your PIN first.</source>
        <translation>Bàn lễ tân đang khóa: hãy chọn tên và nhập mã PIN trước.</translation>
    </message>
    <message>
        <source>%1 is a receptionist&apos;s account: only an administrator may do this.</source>
        <translation>%1 là tài khoản lễ tân: chỉ quản trị viên được làm việc này.</translation>
    </message>
    <message>
        <source>The kiosk is closed from its own screen.</source>
        <translation>Kiốt chỉ được đóng từ chính màn hình của nó.</translation>
    </message>
</context>
<context>
    <name>DeskTls</name>
    <message>
        <source>The setting console/%1 is empty: the reception desk over the network needs it.</source>
        <translation>Mục cài đặt console/%1 đang trống: bàn lễ tân qua mạng cần mục này.</translation>
    </message>
    <message>
        <source>The file %1 (console/%2) cannot be read: %3.</source>
        <translation>Không đọc được tệp %1 (console/%2): %3.</translation>
    </message>
    <message>
        <source>The file %1 (console/tls_certificate) holds no PEM certificate.</source>
        <translation>Tệp %1 (console/tls_certificate) không chứa chứng chỉ PEM nào.</translation>
    </message>
    <message>
        <source>The certificate %1 is valid from %2 to %3 only: ask the site&apos;s administrator for a new one.</source>
        <translation>Chứng chỉ %1 chỉ có hiệu lực từ %2 đến %3: hãy xin quản trị viên của đơn vị cấp chứng chỉ mới.</translation>
    </message>
    <message>
        <source>The reception desk&apos;s key is not private: %1 Make it readable by its owner only (chmod 600 %2).</source>
        <translation>Khóa của bàn lễ tân không được giữ riêng: %1 Hãy để chỉ chủ tệp đọc được (chmod 600 %2).</translation>
    </message>
    <message>
        <source>The file %1 (console/tls_key) holds no unencrypted PEM private key.</source>
        <translation>Tệp %1 (console/tls_key) không chứa khóa riêng PEM không mã hóa nào.</translation>
    </message>
    <message>
        <source>The key %1 is not the key of the certificate %2: give the pair that was issued together.</source>
        <translation>Khóa %1 không phải khóa của chứng chỉ %2: hãy dùng đúng cặp được cấp cùng nhau.</translation>
    </message>
    <message>
        <source>The file %1 (console/tls_authority) holds no PEM certificate.</source>
        <translation>Tệp %1 (console/tls_authority) không chứa chứng chỉ PEM nào.</translation>
    </message>
    <message>
        <source>The kiosk at %1 does not accept this computer&apos;s certificate (%2): ask the site&apos;s administrator for one the site&apos;s authority signed.</source>
        <translation>Kiốt tại %1 không chấp nhận chứng chỉ của máy tính này (%2): hãy xin quản trị viên của đơn vị một chứng chỉ do cơ quan ký của đơn vị cấp.</translation>
    </message>
    <message>
        <source>The computer at %1 is not a kiosk of this site (%2): its certificate must be signed by the site&apos;s authority and name the host in console/kiosk.</source>
        <translation>Máy tính tại %1 không phải kiốt của đơn vị này (%2): chứng chỉ của nó phải do cơ quan ký của đơn vị cấp và mang đúng tên máy ghi ở console/kiosk.</translation>
    </message>
    <message>
        <source>The kiosk at %1 does not answer (%2): is it on, running Gatehouse, with console/tls_port set?</source>
        <translation>Kiốt tại %1 không trả lời (%2): kiốt có đang bật, chạy Gatehouse và đã đặt console/tls_port chưa?</translation>
    </message>
</context>
<context>
    <name>DoctorCommand</name>
    <message>
        <source>The central store does not know kiosk %1 (central add-kiosk).</source>
        <translation>Kho dữ liệu trung tâm không biết kiốt %1 (central add-kiosk).</translation>
    </message>
    <message>
        <source>Checks what a door needs: configuration, entry log, disk, Bluetooth, camera, clock, central store, keys.</source>
        <translation>Kiểm tra những gì một cổng cần: cấu hình, sổ ghi, ổ đĩa, Bluetooth, camera, đồng hồ, kho trung tâm, khóa.</translation>
    </message>
    <message>
        <source>The door can work.</source>
        <translation>Cổng có thể hoạt động.</translation>
    </message>
    <message>
        <source>The door cannot work until each ✘ above that it needs is mended.</source>
        <translation>Cổng chưa thể hoạt động cho đến khi các mục ✘ cần thiết ở trên được khắc phục.</translation>
    </message>
</context>
<context>
    <name>Ed25519Key</name>
    <message>
        <source>OpenSSL could not make an Ed25519 key.</source>
        <translation>OpenSSL không tạo được khóa Ed25519.</translation>
    </message>
    <message>
        <source>The key is not an Ed25519 key in PEM form.</source>
        <translation>Khóa không phải khóa Ed25519 dạng PEM.</translation>
    </message>
    <message>
        <source>The key file %1 does not exist.</source>
        <translation>Không tìm thấy tệp khóa %1.</translation>
    </message>
    <message>
        <source>The key file %1 cannot be read as a key.</source>
        <translation>Không đọc được tệp %1 như một khóa.</translation>
    </message>
    <message>
        <source>The key file %1 is not an Ed25519 key in PEM form.</source>
        <translation>Tệp khóa %1 không phải khóa Ed25519 dạng PEM.</translation>
    </message>
</context>
<context>
    <name>EntrancePoster</name>
    <message>
        <source>The poster cannot be written to %1 (%2).</source>
        <translation>Không ghi được áp phích vào %1 (%2).</translation>
    </message>
    <message>
        <source>The poster could not be started.</source>
        <translation>Không bắt đầu được áp phích.</translation>
    </message>
</context>
<context>
    <name>EntryCursor</name>
    <message>
        <source>The entries could not be read for the export (%1).</source>
        <translation>Không đọc được các lượt ra vào để xuất (%1).</translation>
    </message>
</context>
<context>
    <name>EntryLog</name>
    <message>
        <source>record the entry</source>
        <translation>ghi lượt vào</translation>
    </message>
    <message>
        <source>read the used passes</source>
        <translation>đọc danh sách thẻ đã dùng</translation>
    </message>
    <message>
        <source>record the exit</source>
        <translation>ghi lượt ra</translation>
    </message>
    <message>
        <source>Entry %1 has already checked out.</source>
        <translation>Lượt vào %1 đã khai báo ra rồi.</translation>
    </message>
    <message>
        <source>The exit cannot be before the entry.</source>
        <translation>Giờ ra không thể trước giờ vào.</translation>
    </message>
    <message>
        <source>There is no entry %1.</source>
        <translation>Không có lượt vào %1.</translation>
    </message>
    <message>
        <source>check everyone out</source>
        <translation>khai báo ra cho mọi người</translation>
    </message>
    <message>
        <source>delete old entries</source>
        <translation>xóa các lượt cũ</translation>
    </message>
    <message>
        <source>delete the person&apos;s entries</source>
        <translation>xóa các lượt của người này</translation>
    </message>
    <message>
        <source>read the entry log</source>
        <translation>đọc sổ ra vào</translation>
    </message>
    <message>
        <source>delete old health declarations</source>
        <translation>xóa các tờ khai y tế cũ</translation>
    </message>
    <message>
        <source>delete used passes</source>
        <translation>xóa các thẻ khách đã dùng</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>Export the entries that overlap a window, for health officials.</source>
        <translation>Xuất các lượt ra vào trong một khoảng thời gian, cho cơ quan y tế.</translation>
    </message>
    <message>
        <source>%1 entries exported to %2.</source>
        <translation>Đã xuất %1 lượt vào %2.</translation>
    </message>
</context>
<context>
    <name>ExportKey</name>
    <message>
        <source>%1 is a public key; exports are signed with the private export key (export.pem).</source>
        <translation>%1 là khóa công khai; tệp xuất được ký bằng khóa bí mật dành cho xuất dữ liệu (export.pem).</translation>
    </message>
    <message>
        <source>%1 is a visitor-pass key (its public key is in %2). Exports are signed with a key of their own: gatehouse-cli keygen --purpose export --out DIR.</source>
        <translation>%1 là khóa ký thẻ khách (khóa công khai của nó nằm trong %2). Tệp xuất được ký bằng khóa riêng: gatehouse-cli keygen --purpose export --out THƯ_MỤC.</translation>
    </message>
</context>
<context>
    <name>ExportManifest</name>
    <message>
        <source>Gatehouse could not write %1 (%2).</source>
        <translation>Gatehouse không ghi được %1 (%2).</translation>
    </message>
    <message>
        <source>The manifest is not a JSON object.</source>
        <translation>Tệp kê khai không phải một đối tượng JSON.</translation>
    </message>
    <message>
        <source>The manifest lacks its purpose, rows or SHA-256.</source>
        <translation>Tệp kê khai thiếu mục đích, số dòng hoặc SHA-256.</translation>
    </message>
    <message>
        <source>Exports are signed with the private export key (export.pem), not a public key.</source>
        <translation>Tệp xuất được ký bằng khóa bí mật dành cho xuất dữ liệu (export.pem), không phải khóa công khai.</translation>
    </message>
    <message>
        <source>OpenSSL could not sign the manifest of %1.</source>
        <translation>OpenSSL không ký được tệp kê khai của %1.</translation>
    </message>
    <message>
        <source>There is no manifest %1 beside the file.</source>
        <translation>Không có tệp kê khai %1 bên cạnh tệp.</translation>
    </message>
    <message>
        <source>%1 is too large to be a manifest.</source>
        <translation>%1 quá lớn, không phải tệp kê khai.</translation>
    </message>
    <message>
        <source>There is no signature %1 beside the file.</source>
        <translation>Không có chữ ký %1 bên cạnh tệp.</translation>
    </message>
    <message>
        <source>The manifest %1 does not match its signature: it was changed after it was signed, or signed with another key.</source>
        <translation>Tệp kê khai %1 không khớp với chữ ký: nó đã bị sửa sau khi ký, hoặc được ký bằng khóa khác.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>Không đọc được tệp %1.</translation>
    </message>
    <message>
        <source>%1 is not the file the manifest vouches for: its SHA-256 differs (it was changed after it was signed, or it is another file).</source>
        <translation>%1 không phải tệp mà tệp kê khai xác nhận: SHA-256 khác (tệp đã bị sửa sau khi ký, hoặc là tệp khác).</translation>
    </message>
</context>
<context>
    <name>ExportWindow</name>
    <message>
        <source>Give --from and --to in ISO 8601, such as 2020-08-01T00:00:00+07:00.</source>
        <translation>Hãy cho --from và --to theo dạng ISO 8601, ví dụ 2020-08-01T00:00:00+07:00.</translation>
    </message>
    <message>
        <source>Name the --out file with %1.</source>
        <translation>Hãy đặt tên tệp --out với đuôi %1.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> hoặc </translation>
    </message>
</context>
<context>
    <name>FilePrivacy</name>
    <message>
        <source>%1 can be opened by every account of this machine (mode %2).</source>
        <translation>Mọi tài khoản trên máy này đều mở được %1 (quyền %2).</translation>
    </message>
    <message>
        <source>%1 can be opened by the group %2 (mode %3).</source>
        <translation>Nhóm %2 mở được %1 (quyền %3).</translation>
    </message>
</context>
<context>
    <name>ForgetCommand</name>
    <message>
        <source>Delete one person&apos;s records, on their request.</source>
        <translation>Xóa dữ liệu của một người theo yêu cầu của họ.</translation>
    </message>
    <message>
        <source>Entries deleted: %1.</source>
        <translation>Số lượt đã xóa: %1.</translation>
    </message>
</context>
<context>
    <name>HealthDeclarationScreen</name>
    <message>
        <source>Health declaration: please answer every question</source>
        <translation>Khai báo y tế: vui lòng trả lời tất cả câu hỏi</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Gửi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>HealthQuestions</name>
    <message>
        <source>The health declaration questions %1 cannot be read.</source>
        <translation>Không đọc được bộ câu hỏi khai báo y tế %1.</translation>
    </message>
    <message>
        <source>The health declaration questions %1 are not a JSON list of questions.</source>
        <translation>Bộ câu hỏi khai báo y tế %1 không phải danh sách câu hỏi JSON.</translation>
    </message>
    <message>
        <source>A question in %1 lacks an id (a-z, 0-9, _) or its Vietnamese or English text.</source>
        <translation>Một câu hỏi trong %1 thiếu mã (a-z, 0-9, _) hoặc nội dung tiếng Việt hay tiếng Anh.</translation>
    </message>
    <message>
        <source>The health declaration questions %1 are larger than %2 KB: that is no list of questions.</source>
        <translation>Tệp câu hỏi khai báo y tế %1 lớn hơn %2 KB: đó không phải danh sách câu hỏi.</translation>
    </message>
</context>
<context>
    <name>IdNumber</name>
    <message>
        <source>An ID number is needed: the citizen ID card (12 digits), the old ID card (9 digits) or the passport.</source>
        <translation>Cần số giấy tờ: căn cước công dân (12 chữ số), chứng minh nhân dân cũ (9 chữ số) hoặc hộ chiếu.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ID number: a citizen ID card has 12 digits, an old ID card 9 digits, a passport 6 to 9 letters and digits.</source>
        <translation>&quot;%1&quot; không phải số giấy tờ: căn cước công dân có 12 chữ số, chứng minh nhân dân cũ 9 chữ số, hộ chiếu 6 đến 9 chữ cái và chữ số.</translation>
    </message>
    <message>
        <source>citizen ID card</source>
        <translation>căn cước công dân</translation>
    </message>
    <message>
        <source>old ID card</source>
        <translation>chứng minh nhân dân</translation>
    </message>
    <message>
        <source>passport</source>
        <translation>hộ chiếu</translation>
    </message>
    <message>
        <source>visitor pass</source>
        <translation>thẻ khách</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a visitor pass&apos;s identifier, not an ID number: show the pass to the camera, or type the number of a citizen ID card, an old ID card or a passport.</source>
        <translation>&quot;%1&quot; là mã của thẻ khách, không phải số giấy tờ: hãy đưa thẻ khách trước camera, hoặc nhập số căn cước công dân, chứng minh nhân dân hoặc hộ chiếu.</translation>
    </message>
</context>
<context>
    <name>IdentifyScreen</name>
    <message>
        <source>Please type your full name.</source>
        <translation>Vui lòng nhập họ và tên.</translation>
    </message>
    <message>
        <source>Please type the number of your citizen ID card (12 digits), old ID card (9 digits) or passport.</source>
        <translation>Vui lòng nhập số căn cước công dân (12 chữ số), chứng minh nhân dân (9 chữ số) hoặc hộ chiếu.</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Khai báo vào</translation>
    </message>
    <message>
        <source>Show the QR code of your citizen ID card or visitor pass to the camera, or type your details.</source>
        <translation>Hãy đưa mã QR trên căn cước công dân hoặc thẻ khách trước camera, hoặc nhập thông tin của bạn.</translation>
    </message>
    <message>
        <source>Type my details instead</source>
        <translation>Nhập thông tin bằng tay</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số giấy tờ</translation>
    </message>
    <message>
        <source>Phone (optional)</source>
        <translation>Số điện thoại (không bắt buộc)</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n ngày</numerusform>
        </translation>
    </message>
    <message>
        <source>We record your name, ID number, phone (if you give it), the address on your ID card (when you scan it), the times you come and go, and whether your tracing app was found (with its identifier)</source>
        <translation>Chúng tôi ghi lại họ tên, số giấy tờ, số điện thoại (nếu bạn cung cấp), địa chỉ trên căn cước (khi bạn quét thẻ), giờ vào, giờ ra và việc có tìm thấy ứng dụng truy vết hay không (kèm mã của ứng dụng)</translation>
    </message>
    <message>
        <source>Your entry is kept %1, then deleted</source>
        <translation>Lượt khai báo được lưu %1, sau đó bị xóa</translation>
    </message>
    <message>
        <source>We record your name, ID number, phone (if you give it), the address on your ID card (when you scan it), your health declaration answers, the times you come and go, and whether your tracing app was found (with its identifier)</source>
        <translation>Chúng tôi ghi lại họ tên, số giấy tờ, số điện thoại (nếu bạn cung cấp), địa chỉ trên căn cước (khi bạn quét thẻ), câu trả lời khai báo y tế, giờ vào, giờ ra và việc có tìm thấy ứng dụng truy vết hay không (kèm mã của ứng dụng)</translation>
    </message>
    <message>
        <source>Your entry is kept %1 and your health answers %2, then deleted</source>
        <translation>Lượt khai báo được lưu %1 và câu trả lời y tế %2, sau đó bị xóa</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your personal data.&lt;/b&gt; %1, so that health officials can reach you if a COVID-19 case was here at the same time, as the Provincial People&apos;s Committee requires. %2; the site&apos;s audit log keeps the last three digits of ID numbers and receptionists&apos; reasons %3. Only this site and the health authorities who ask for it see it. By continuing you agree to this.</source>
        <translation>&lt;b&gt;Dữ liệu cá nhân của bạn.&lt;/b&gt; %1, để cơ quan y tế liên hệ với bạn nếu có ca COVID-19 ở đây cùng thời điểm, theo yêu cầu của Ủy ban nhân dân tỉnh. %2; nhật ký của đơn vị giữ ba chữ số cuối của số giấy tờ và lý do của lễ tân %3. Chỉ đơn vị này và cơ quan y tế khi có yêu cầu được xem. Tiếp tục nghĩa là bạn đồng ý.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your personal data&lt;/b&gt; is kept %1 for health officials, then deleted.</source>
        <translation>&lt;b&gt;Dữ liệu cá nhân của bạn&lt;/b&gt; được lưu %1 cho cơ quan y tế, sau đó bị xóa.</translation>
    </message>
    <message>
        <source>Read more</source>
        <translation>Xem thêm</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
</context>
<context>
    <name>IdleScreen</name>
    <message>
        <source>Welcome. Please check in here before you enter.</source>
        <translation>Xin chào. Vui lòng khai báo tại đây trước khi vào.</translation>
    </message>
    <message>
        <source>No Bluezone app yet? Scan this code with your phone to install it.</source>
        <translation>Chưa có ứng dụng Bluezone? Quét mã này bằng điện thoại để cài đặt.</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Khai báo vào</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>Khai báo ra</translation>
    </message>
    <message>
        <source>Demo: recorded visitors are replayed.</source>
        <translation>Trình diễn: phát lại khách đã ghi sẵn.</translation>
    </message>
    <message>
        <source>Bluetooth is not working: the tracing app cannot be checked, please see the receptionist.</source>
        <translation>Bluetooth không hoạt động: không kiểm tra được ứng dụng truy vết, vui lòng gặp lễ tân.</translation>
    </message>
    <message>
        <source>Camera not working: use the scanner or type your details.</source>
        <translation>Camera không hoạt động: hãy dùng máy quét hoặc tự nhập thông tin.</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>Chưa gửi</translation>
    </message>
    <message>
        <source>Sent %1</source>
        <translation>Đã gửi lúc %1</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n mục đang chờ</numerusform>
        </translation>
    </message>
    <message>
        <source>offline</source>
        <translation>mất kết nối</translation>
    </message>
    <message>
        <source>%1Bluetooth   %2Camera</source>
        <translation>%1Bluetooth   %2Camera</translation>
    </message>
</context>
<context>
    <name>ImageSource</name>
    <message>
        <source>The image %1 cannot be read (%2).</source>
        <translation>Không đọc được ảnh %1 (%2).</translation>
    </message>
</context>
<context>
    <name>InsidePage</name>
    <message>
        <source>Choose the person who is leaving first.</source>
        <translation>Hãy chọn người ra trước.</translation>
    </message>
    <message numerus="yes">
        <source>%n inside now</source>
        <translation>
            <numerusform>%n người đang ở trong</numerusform>
        </translation>
    </message>
    <message>
        <source>Search by name or ID number</source>
        <translation>Tìm theo họ tên hoặc số giấy tờ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số giấy tờ</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Từ lúc</translation>
    </message>
    <message>
        <source>Tracing app</source>
        <translation>Ứng dụng truy vết</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>Khai báo ra</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>Khách</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Khách lưu trú</translation>
    </message>
    <message>
        <source>App verified</source>
        <translation>Có ứng dụng</translation>
    </message>
    <message>
        <source>No app</source>
        <translation>Không có ứng dụng</translation>
    </message>
    <message>
        <source>Admitted without the app</source>
        <translation>Cho vào khi không có ứng dụng</translation>
    </message>
    <message>
        <source>Came in at %1</source>
        <translation>Vào qua %1</translation>
    </message>
    <message>
        <source>This entrance.</source>
        <translation>Cổng này.</translation>
    </message>
    <message>
        <source>Every entrance of the site (the other doors as of %1).</source>
        <translation>Mọi cổng của cơ sở (các cổng khác tính đến %1).</translation>
    </message>
    <message>
        <source>This entrance only: the central store has not answered since %1.</source>
        <translation>Chỉ cổng này: kho dữ liệu trung tâm không phản hồi từ %1.</translation>
    </message>
    <message>
        <source>This entrance only: the central store has not answered yet.</source>
        <translation>Chỉ cổng này: kho dữ liệu trung tâm chưa phản hồi.</translation>
    </message>
    <message numerus="yes">
        <source>Last sent %1, %n waiting.</source>
        <translation>
            <numerusform>Gửi lần cuối %1, %n mục đang chờ.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing sent yet, %n waiting.</source>
        <translation>
            <numerusform>Chưa gửi gì, %n mục đang chờ.</numerusform>
        </translation>
    </message>
    <message>
        <source>Evacuation roll call (PDF)</source>
        <translation>Điểm danh sơ tán (PDF)</translation>
    </message>
</context>
<context>
    <name>IsolationList</name>
    <message>
        <source>keep the isolation list</source>
        <translation>lưu danh sách cách ly</translation>
    </message>
    <message>
        <source>read the isolation list</source>
        <translation>đọc danh sách cách ly</translation>
    </message>
</context>
<context>
    <name>KeygenCommand</name>
    <message>
        <source>keygen needs --out DIR.</source>
        <translation>keygen cần --out THƯ_MỤC.</translation>
    </message>
    <message>
        <source>Gatehouse cannot create the folder %1.</source>
        <translation>Gatehouse không tạo được thư mục %1.</translation>
    </message>
    <message>
        <source>%1 already exists; Gatehouse never overwrites a key, since passes signed with it would stop working. Choose another folder.</source>
        <translation>%1 đã tồn tại; Gatehouse không bao giờ ghi đè khóa, vì các thẻ đã ký bằng nó sẽ mất hiệu lực. Hãy chọn thư mục khác.</translation>
    </message>
    <message>
        <source>Gatehouse could not write the key files in %1.</source>
        <translation>Gatehouse không ghi được các tệp khóa trong %1.</translation>
    </message>
    <message>
        <source>Key %1 written: %2 (keep it secret) and %3 (give it to the kiosks that must trust it).</source>
        <translation>Đã ghi khóa %1: %2 (giữ bí mật) và %3 (đưa cho các kiốt cần tin cậy khóa này).</translation>
    </message>
    <message>
        <source>Make a key pair: for visitor passes (--purpose pass) or signed exports (--purpose export).</source>
        <translation>Tạo cặp khóa: để ký thẻ khách (--purpose pass) hoặc ký tệp xuất (--purpose export).</translation>
    </message>
    <message>
        <source>--purpose must be pass or export.</source>
        <translation>--purpose phải là pass hoặc export.</translation>
    </message>
    <message>
        <source>Export key %1 written: %2 (keep it secret; set [export] signing_key to it) and %3 (give it to the health officials who check the exports).</source>
        <translation>Đã ghi khóa xuất dữ liệu %1: %2 (giữ bí mật; đặt [export] signing_key là tệp này) và %3 (gửi cho cơ quan y tế để kiểm tra tệp xuất).</translation>
    </message>
</context>
<context>
    <name>KioskCheckup</name>
    <message>
        <source>No configuration file: the kiosk runs on its defaults (give one with --config).</source>
        <translation>Không có tệp cấu hình: kiốt chạy theo giá trị mặc định (chỉ định tệp bằng --config).</translation>
    </message>
    <message>
        <source>The configuration %1 was read.</source>
        <translation>Đã đọc cấu hình %1.</translation>
    </message>
    <message>
        <source>checking that the entry log can be written</source>
        <translation>kiểm tra sổ ghi có ghi được không</translation>
    </message>
    <message>
        <source>The entry log %1 is there, intact and writable.</source>
        <translation>Sổ ghi %1 có sẵn, nguyên vẹn và ghi được.</translation>
    </message>
    <message>
        <source>The disk of %1 could not be asked for its free space.</source>
        <translation>Không hỏi được dung lượng còn trống của ổ đĩa chứa %1.</translation>
    </message>
    <message>
        <source>%1 free on the log&apos;s disk.</source>
        <translation>Ổ đĩa của sổ ghi còn trống %1.</translation>
    </message>
    <message>
        <source>Only %1 free on the log&apos;s disk (at least %2 needed): free some space.</source>
        <translation>Ổ đĩa của sổ ghi chỉ còn trống %1 (cần ít nhất %2): hãy giải phóng bớt dung lượng.</translation>
    </message>
    <message>
        <source>A Bluetooth adapter is there: the kiosk can check the tracing app.</source>
        <translation>Có bộ thu Bluetooth: kiốt kiểm tra được ứng dụng truy vết.</translation>
    </message>
    <message>
        <source>No Bluetooth adapter: the kiosk cannot check the tracing app (plug in a Bluetooth 4.0 or later adapter, and check that bluetoothd runs).</source>
        <translation>Không có bộ thu Bluetooth: kiốt không kiểm tra được ứng dụng truy vết (cắm bộ thu Bluetooth 4.0 trở lên và kiểm tra dịch vụ bluetoothd đang chạy).</translation>
    </message>
    <message>
        <source>A camera is there: visitors can show their QR code to it.</source>
        <translation>Có camera: khách có thể đưa mã QR trước camera.</translation>
    </message>
    <message>
        <source>No camera: QR codes can only be read with a USB scanner (the door works with one).</source>
        <translation>Không có camera: chỉ đọc được mã QR bằng máy quét USB (cổng vẫn hoạt động với máy quét).</translation>
    </message>
    <message>
        <source>The clock says %1, which cannot be right: every entry would carry a wrong time (set the time, or let the machine reach a time server).</source>
        <translation>Đồng hồ chỉ %1, không thể đúng: mọi lượt vào sẽ bị ghi sai giờ (hãy chỉnh giờ, hoặc cho máy kết nối máy chủ thời gian).</translation>
    </message>
    <message>
        <source>The clock says %1 at the site (%2).</source>
        <translation>Đồng hồ chỉ %1 theo giờ của cơ sở (%2).</translation>
    </message>
    <message>
        <source>The machine&apos;s own time zone is %1: the kiosk writes the site&apos;s (utc_offset_minutes).</source>
        <translation>Múi giờ của máy là %1: kiốt ghi theo giờ của cơ sở (utc_offset_minutes).</translation>
    </message>
    <message>
        <source>(kiosk %1) The door works offline and sends later.</source>
        <translation>(kiốt %1) Cổng vẫn hoạt động khi mất mạng và gửi sau.</translation>
    </message>
    <message>
        <source>The central store has kiosk %1 at site %2, but this kiosk&apos;s [site] id is %3: correct one of them.</source>
        <translation>Kho trung tâm ghi kiốt %1 thuộc cơ sở %2, nhưng [site] id của kiốt này là %3: hãy sửa một trong hai.</translation>
    </message>
    <message>
        <source>The central store answers; it knows this kiosk (%1) at site %2.</source>
        <translation>Kho trung tâm trả lời; kho biết kiốt này (%1) thuộc cơ sở %2.</translation>
    </message>
    <message>
        <source>No pass key in %1: visitor passes will be refused.</source>
        <translation>Không có khóa thẻ khách trong %1: thẻ khách sẽ bị từ chối.</translation>
    </message>
    <message numerus="yes">
        <source>%n trusted pass key(s) in %1.</source>
        <translation>
            <numerusform>%n khóa thẻ khách tin cậy trong %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The export signing key %1 is readable (key id %2).</source>
        <translation>Đọc được khóa ký tệp xuất %1 (mã khóa %2).</translation>
    </message>
    <message>
        <source>Nobody but this kiosk&apos;s account can open the entry log or the keys.</source>
        <translation>Ngoài tài khoản của kiốt này, không ai mở được nhật ký ra vào hay các khóa.</translation>
    </message>
    <message>
        <source>Give them back to the kiosk&apos;s account alone: chmod go-rwx.</source>
        <translation>Hãy trả chúng về riêng cho tài khoản của kiốt: chmod go-rwx.</translation>
    </message>
    <message>
        <source>The kiosk serves the reception desk at %1: the console of this computer reaches it.</source>
        <translation>Kiốt phục vụ bàn lễ tân tại %1: bàn lễ tân trên máy này kết nối được.</translation>
    </message>
    <message>
        <source>This account may not reach the reception desk at %1: the console&apos;s accounts must be in the gatehouse group (adduser NAME gatehouse).</source>
        <translation>Tài khoản này không được kết nối tới bàn lễ tân tại %1: tài khoản dùng bàn lễ tân phải thuộc nhóm gatehouse (adduser TÊN gatehouse).</translation>
    </message>
    <message>
        <source>Nothing serves the reception desk at %1 (%2): the console works once the kiosk runs (systemctl start gatehouse-kiosk).</source>
        <translation>Chưa có gì phục vụ bàn lễ tân tại %1 (%2): bàn lễ tân sẽ dùng được khi kiốt chạy (systemctl start gatehouse-kiosk).</translation>
    </message>
    <message>
        <source>The kiosk at %1 serves this desk computer by TLS; its certificate is valid until %2.</source>
        <translation>Kiốt tại %1 phục vụ máy tính ở quầy này qua TLS; chứng chỉ của máy này có hiệu lực đến %2.</translation>
    </message>
    <message>
        <source>Desk computers reach it by TLS on port %1; its certificate is valid until %2.</source>
        <translation>Các máy tính ở quầy kết nối qua TLS ở cổng %1; chứng chỉ của kiốt có hiệu lực đến %2.</translation>
    </message>
    <message>
        <source>iPhones are read through BlueZ&apos;s D-Bus GATT API, which needs no extra capability.</source>
        <translation>iPhone được đọc qua API GATT D-Bus của BlueZ, không cần thêm quyền.</translation>
    </message>
</context>
<context>
    <name>KioskFlow</name>
    <message>
        <source>Welcome. Please check in here before you enter.</source>
        <translation>Xin chào. Vui lòng khai báo tại đây trước khi vào.</translation>
    </message>
    <message>
        <source>Show the QR code of your citizen ID card or visitor pass to the camera, or type your details.</source>
        <translation>Đưa mã QR trên CCCD hoặc thẻ khách trước camera, hoặc nhập thông tin của bạn.</translation>
    </message>
    <message>
        <source>To check out, show your citizen ID card or visitor pass to the camera, or type your ID number.</source>
        <translation>Để khai báo ra, hãy đưa CCCD hoặc thẻ khách trước camera, hoặc nhập số giấy tờ.</translation>
    </message>
    <message>
        <source>This code is not an ID card or a visitor pass. Please show your citizen ID card or your visitor pass.</source>
        <translation>Mã này không phải CCCD hay thẻ khách. Vui lòng đưa CCCD hoặc thẻ khách của bạn.</translation>
    </message>
    <message>
        <source>The card&apos;s code cannot be read correctly.</source>
        <translation>Không đọc được đúng mã trên thẻ.</translation>
    </message>
    <message>
        <source>Please try again or see the receptionist.</source>
        <translation>Vui lòng thử lại hoặc gặp lễ tân.</translation>
    </message>
    <message>
        <source>Hold your phone, with Bluezone open, near the kiosk.</source>
        <translation>Hãy cầm điện thoại đang mở Bluezone lại gần kiốt.</translation>
    </message>
    <message>
        <source>Please answer the health declaration.</source>
        <translation>Vui lòng trả lời tờ khai y tế.</translation>
    </message>
    <message>
        <source>Goodbye, %1. Your check-out is recorded.</source>
        <translation>Tạm biệt %1. Đã ghi nhận khai báo ra của bạn.</translation>
    </message>
    <message>
        <source>Thank you. If you came in by typing this number, your check-out is recorded. If you came in with your card or pass, scan it to check out, or see the receptionist.</source>
        <translation>Cảm ơn. Nếu bạn vào bằng cách nhập số này, khai báo ra của bạn đã được ghi nhận. Nếu bạn vào bằng căn cước công dân hoặc thẻ khách, hãy đưa thẻ trước camera để khai báo ra, hoặc gặp lễ tân.</translation>
    </message>
</context>
<context>
    <name>KioskStartup</name>
    <message>
        <source>Unexpected argument &quot;%1&quot;. Try &quot;gatehouse --help&quot;.</source>
        <translation>Tham số không hợp lệ &quot;%1&quot;. Xem &quot;gatehouse --help&quot;.</translation>
    </message>
    <message>
        <source>--size needs a width and height such as 1280x800.</source>
        <translation>--size cần chiều rộng và chiều cao, ví dụ 1280x800.</translation>
    </message>
    <message>
        <source>--lang must be vi or en.</source>
        <translation>--lang phải là vi hoặc en.</translation>
    </message>
    <message>
        <source>Gatehouse cannot write the screenshot %1 (%2).</source>
        <translation>Gatehouse không ghi được ảnh màn hình %1 (%2).</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Gatehouse check-in</source>
        <translation>Gatehouse — khai báo ra vào</translation>
    </message>
    <message>
        <source>Demo mode (--demo): made-up visitors are replayed into a log that disappears when the kiosk closes. Nothing shown here is a real check-in.</source>
        <translation>Chế độ trình diễn (--demo): khách giả lập được phát lại vào một sổ ghi sẽ mất khi đóng kiốt. Mọi thứ hiển thị ở đây không phải khai báo thật.</translation>
    </message>
</context>
<context>
    <name>LocalDesk</name>
    <message>
        <source>The entry log is not open: nothing was done.</source>
        <translation>Chưa mở được nhật ký ra vào: chưa làm gì cả.</translation>
    </message>
    <message>
        <source>This computer has no Bluetooth adapter: calibrate at the kiosk itself (gatehouse-cli calibrate --live).</source>
        <translation>Máy này không có bộ Bluetooth: hãy hiệu chỉnh tại chính kiốt (gatehouse-cli calibrate --live).</translation>
    </message>
    <message>
        <source>%1 is set for this kiosk by the central store (%2: %3); change it there, in the province&apos;s console or with gatehouse-cli central settings.</source>
        <translation>%1 do kho trung tâm đặt cho ki-ốt này (%2: %3); hãy thay đổi ở đó, trong bảng điều khiển của tỉnh hoặc bằng gatehouse-cli central settings.</translation>
    </message>
</context>
<context>
    <name>MjpegClipWriter</name>
    <message>
        <source>Gatehouse could not write the clip %1 (%2).</source>
        <translation>Gatehouse không ghi tiếp được đoạn video %1 (%2).</translation>
    </message>
    <message>
        <source>Gatehouse cannot write the clip %1 (%2).</source>
        <translation>Gatehouse không ghi được đoạn video %1 (%2).</translation>
    </message>
    <message>
        <source>Gatehouse could not encode a frame of %1.</source>
        <translation>Gatehouse không mã hóa được một khung hình của %1.</translation>
    </message>
</context>
<context>
    <name>OfficialAsk</name>
    <message>
        <source>The window must end after it starts: its start before its end.</source>
        <translation>Khoảng thời gian phải kết thúc sau khi bắt đầu: thời điểm bắt đầu trước thời điểm kết thúc.</translation>
    </message>
    <message>
        <source>Files are written in Vietnamese (vi) or English (en), not &quot;%1&quot;.</source>
        <translation>Tệp được viết bằng tiếng Việt (vi) hoặc tiếng Anh (en), không phải &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>OfficialFile</name>
    <message>
        <source>Gatehouse could not read %1 back to record its SHA-256.</source>
        <translation>Gatehouse không đọc lại được %1 để ghi SHA-256 của nó.</translation>
    </message>
</context>
<context>
    <name>OfficialsPage</name>
    <message>
        <source>Workbook (*.xlsx)</source>
        <translation>Sổ tính (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n entries exported to %1.</source>
        <translation>
            <numerusform>Đã xuất %n lượt vào %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the confirmed case&apos;s ID number first.</source>
        <translation>Hãy nhập số giấy tờ của ca bệnh trước.</translation>
    </message>
    <message numerus="yes">
        <source>%n contacts written to %1.</source>
        <translation>
            <numerusform>Đã ghi %n người tiếp xúc vào %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Adoption report written to %1: %2 entries, %3% with the app.</source>
        <translation>Đã ghi báo cáo sử dụng ứng dụng vào %1: %2 lượt vào, %3% có ứng dụng.</translation>
    </message>
    <message>
        <source>Staff list (*.csv)</source>
        <translation>Danh sách cán bộ (*.csv)</translation>
    </message>
    <message>
        <source>Staff roster: %1 added, %2 updated, %3 rows rejected.</source>
        <translation>Danh sách cán bộ: thêm %1, cập nhật %2, loại %3 dòng.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến</translation>
    </message>
    <message>
        <source>Language of the files</source>
        <translation>Ngôn ngữ của tệp</translation>
    </message>
    <message>
        <source>Export entries for a spreadsheet (.xlsx)…</source>
        <translation>Xuất lượt ra vào để mở bằng bảng tính (.xlsx)…</translation>
    </message>
    <message>
        <source>Export entries as CSV…</source>
        <translation>Xuất lượt ra vào dạng CSV…</translation>
    </message>
    <message>
        <source>Confirmed case&apos;s ID number</source>
        <translation>Số giấy tờ của ca bệnh</translation>
    </message>
    <message>
        <source>Contact trace (.csv)…</source>
        <translation>Truy vết tiếp xúc (.csv)…</translation>
    </message>
    <message>
        <source>Adoption report (PDF)…</source>
        <translation>Báo cáo sử dụng ứng dụng (PDF)…</translation>
    </message>
    <message>
        <source>Adoption report (CSV)…</source>
        <translation>Báo cáo sử dụng ứng dụng (CSV)…</translation>
    </message>
    <message>
        <source>Import the staff roster…</source>
        <translation>Nạp danh sách cán bộ…</translation>
    </message>
    <message>
        <source>Period and language of the files</source>
        <translation>Khoảng thời gian và ngôn ngữ của tệp</translation>
    </message>
    <message>
        <source>Export: every entry of the period</source>
        <translation>Xuất dữ liệu: mọi lượt ra vào trong khoảng thời gian</translation>
    </message>
    <message>
        <source>Contact trace: who was here with a confirmed case</source>
        <translation>Truy vết tiếp xúc: ai đã ở đây cùng lúc với ca bệnh</translation>
    </message>
    <message>
        <source>Adoption report: how many came with the tracing app</source>
        <translation>Báo cáo sử dụng: bao nhiêu người có ứng dụng truy vết</translation>
    </message>
    <message>
        <source>Staff roster</source>
        <translation>Danh sách cán bộ</translation>
    </message>
    <message>
        <source>Poster written to %1: print it on A4 and put it up at the entrance.</source>
        <translation>Đã ghi áp phích vào %1: hãy in khổ A4 và dán ở lối vào.</translation>
    </message>
    <message>
        <source>Poster for the entrance</source>
        <translation>Áp phích cho lối vào</translation>
    </message>
    <message>
        <source>Poster: install Bluezone (PDF)…</source>
        <translation>Áp phích: cài Bluezone (PDF)…</translation>
    </message>
    <message>
        <source>Writing %1… A long period takes a while; the console can be used meanwhile.</source>
        <translation>Đang ghi %1… Khoảng thời gian dài cần một lúc; trong lúc đó vẫn dùng được bàn điều khiển.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Đang đọc %1…</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>read the central store&apos;s state</source>
        <translation>đọc trạng thái gửi về kho trung tâm</translation>
    </message>
    <message>
        <source>join the central store</source>
        <translation>kết nối với kho trung tâm</translation>
    </message>
    <message>
        <source>read the events waiting for the central store</source>
        <translation>đọc các sự kiện chờ gửi về kho trung tâm</translation>
    </message>
    <message>
        <source>note what the central store received</source>
        <translation>ghi nhận những gì kho trung tâm đã nhận</translation>
    </message>
    <message>
        <source>note a failed round with the central store</source>
        <translation>ghi nhận một lần gửi về kho trung tâm không thành</translation>
    </message>
    <message>
        <source>store the site&apos;s open entries</source>
        <translation>lưu các lượt vào đang mở của cơ sở</translation>
    </message>
    <message>
        <source>read the site&apos;s open entries</source>
        <translation>đọc các lượt vào đang mở của cơ sở</translation>
    </message>
    <message>
        <source>record the exit</source>
        <translation>ghi lượt ra</translation>
    </message>
</context>
<context>
    <name>OutputFile</name>
    <message>
        <source>Gatehouse cannot write %1 (%2).</source>
        <translation>Gatehouse không ghi được %1 (%2).</translation>
    </message>
    <message>
        <source>Gatehouse could not finish %1 (%2).</source>
        <translation>Gatehouse không hoàn tất được %1 (%2).</translation>
    </message>
</context>
<context>
    <name>PassCommand</name>
    <message>
        <source>&quot;pass issue&quot;: sign a visitor pass for a pre-registered visitor.</source>
        <translation>&quot;pass issue&quot;: ký thẻ khách cho khách đã đăng ký trước.</translation>
    </message>
    <message>
        <source>Issue a pass.</source>
        <translation>Cấp thẻ khách.</translation>
    </message>
    <message>
        <source>Say &quot;pass issue&quot; with --key, --name, --from and --to.</source>
        <translation>Hãy dùng &quot;pass issue&quot; với --key, --name, --from và --to.</translation>
    </message>
    <message>
        <source>pass issue needs --%1.</source>
        <translation>pass issue cần --%1.</translation>
    </message>
    <message>
        <source>--from and --to need a date and time in ISO 8601 form, such as 2020-08-01T08:00:00+07:00.</source>
        <translation>--from và --to cần ngày giờ dạng ISO 8601, ví dụ 2020-08-01T08:00:00+07:00.</translation>
    </message>
    <message>
        <source>--from must be before --to.</source>
        <translation>--from phải trước --to.</translation>
    </message>
    <message>
        <source>%1 is a public key; a pass is signed with the private key (site.pem).</source>
        <translation>%1 là khóa công khai; thẻ khách phải được ký bằng khóa bí mật (site.pem).</translation>
    </message>
    <message>
        <source>Gatehouse cannot write the image %1.</source>
        <translation>Gatehouse không ghi được ảnh %1.</translation>
    </message>
</context>
<context>
    <name>PayloadRecognizer</name>
    <message>
        <source>the code holds more than %1 bytes</source>
        <translation>mã chứa hơn %1 byte</translation>
    </message>
</context>
<context>
    <name>PcapngReader</name>
    <message>
        <source>not a pcapng file</source>
        <translation>không phải tệp pcapng</translation>
    </message>
    <message>
        <source>a section header block too short</source>
        <translation>khối đầu phần quá ngắn</translation>
    </message>
    <message>
        <source>pcapng version %1, not 1</source>
        <translation>tệp pcapng phiên bản %1, không phải 1</translation>
    </message>
    <message>
        <source>an interface description block too short</source>
        <translation>khối mô tả giao diện quá ngắn</translation>
    </message>
    <message>
        <source>an interface whose timestamps are finer than any clock</source>
        <translation>một giao diện có mốc thời gian chi tiết hơn mọi đồng hồ</translation>
    </message>
    <message>
        <source>the file ends inside a block&apos;s header (truncated)</source>
        <translation>tệp kết thúc giữa phần đầu của một khối (bị cắt cụt)</translation>
    </message>
    <message>
        <source>the file ends inside a section header (truncated)</source>
        <translation>tệp kết thúc giữa khối đầu phần (bị cắt cụt)</translation>
    </message>
    <message>
        <source>a section header with an unknown byte order: the file is damaged from here</source>
        <translation>khối đầu phần có thứ tự byte không xác định: tệp bị hỏng từ đây</translation>
    </message>
    <message>
        <source>a block of %1 bytes: the file is damaged from here</source>
        <translation>một khối dài %1 byte: tệp bị hỏng từ đây</translation>
    </message>
    <message>
        <source>the file ends inside a block (truncated)</source>
        <translation>tệp kết thúc giữa một khối (bị cắt cụt)</translation>
    </message>
    <message>
        <source>a block whose trailing length does not match its leading one</source>
        <translation>một khối có độ dài ở cuối không khớp với độ dài ở đầu</translation>
    </message>
    <message>
        <source>an enhanced packet block too short</source>
        <translation>khối gói tin mở rộng quá ngắn</translation>
    </message>
    <message>
        <source>a packet longer than its block</source>
        <translation>một gói tin dài hơn khối chứa nó</translation>
    </message>
    <message>
        <source>a simple packet block too short</source>
        <translation>khối gói tin đơn giản quá ngắn</translation>
    </message>
    <message>
        <source>a packet of interface %1, which no interface block described</source>
        <translation>một gói tin của giao diện %1, giao diện mà không khối nào mô tả</translation>
    </message>
</context>
<context>
    <name>PinCheck</name>
    <message>
        <source>There is no account named %1.</source>
        <translation>Không có tài khoản nào tên %1.</translation>
    </message>
    <message>
        <source>The account %1 is locked after %2 wrong PINs, until %3.</source>
        <translation>Tài khoản %1 bị khóa sau %2 lần nhập sai mã PIN, đến %3.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs for %1: try again in %n seconds.</source>
        <translation>
            <numerusform>Nhập sai mã PIN của %1 quá nhiều lần: thử lại sau %n giây.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>That PIN is not right. The account %1 is locked for %n minutes.</source>
        <translation>
            <numerusform>Mã PIN không đúng. Tài khoản %1 bị khóa %n phút.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>That PIN is not right. %n more wrong PINs lock the account.</source>
        <translation>
            <numerusform>Mã PIN không đúng. Nhập sai thêm %n lần nữa thì tài khoản bị khóa.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is a receptionist&apos;s account: only an administrator&apos;s PIN opens this.</source>
        <translation>%1 là tài khoản lễ tân: chỉ mã PIN của quản trị viên mới mở được mục này.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs here: try again in %n seconds.</source>
        <translation>
            <numerusform>Nhập sai mã PIN quá nhiều lần tại đây: hãy thử lại sau %n giây.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is an administrator&apos;s account: administrators admit visitors from the receptionist&apos;s console, not at the door.</source>
        <translation>%1 là tài khoản quản trị: người quản trị cho khách vào từ bàn lễ tân, không phải tại cửa.</translation>
    </message>
</context>
<context>
    <name>PinHash</name>
    <message>
        <source>OpenSSL could not make a random salt for the PIN.</source>
        <translation>OpenSSL không tạo được chuỗi muối ngẫu nhiên cho mã PIN.</translation>
    </message>
    <message>
        <source>OpenSSL could not hash the PIN (scrypt).</source>
        <translation>OpenSSL không băm được mã PIN (scrypt).</translation>
    </message>
</context>
<context>
    <name>PinPrompt</name>
    <message>
        <source>No PIN on standard input.</source>
        <translation>Không có mã PIN ở đầu vào chuẩn.</translation>
    </message>
    <message>
        <source>PIN (at least 6 digits): </source>
        <translation>Mã PIN (ít nhất 6 chữ số): </translation>
    </message>
    <message>
        <source>No PIN was typed.</source>
        <translation>Chưa nhập mã PIN.</translation>
    </message>
    <message>
        <source>The same PIN again: </source>
        <translation>Nhập lại mã PIN: </translation>
    </message>
    <message>
        <source>The two PINs are not the same; nothing was changed.</source>
        <translation>Hai mã PIN không giống nhau; không có gì thay đổi.</translation>
    </message>
    <message>
        <source>No password on standard input.</source>
        <translation>Không có mật khẩu ở đầu vào chuẩn.</translation>
    </message>
    <message>
        <source>Password (at least %1 characters): </source>
        <translation>Mật khẩu (ít nhất %1 ký tự): </translation>
    </message>
    <message>
        <source>No password was typed.</source>
        <translation>Chưa nhập mật khẩu.</translation>
    </message>
    <message>
        <source>The same password again: </source>
        <translation>Nhập lại mật khẩu: </translation>
    </message>
    <message>
        <source>The two passwords are not the same; nothing was changed.</source>
        <translation>Hai mật khẩu không giống nhau; không có gì thay đổi.</translation>
    </message>
</context>
<context>
    <name>PresentCommand</name>
    <message>
        <source>Who is inside now.</source>
        <translation>Những ai đang ở trong.</translation>
    </message>
    <message>
        <source>Inside now: %1.</source>
        <translation>Đang ở trong: %1.</translation>
    </message>
</context>
<context>
    <name>PurgeCommand</name>
    <message>
        <source>Delete entries older than the retention period now.</source>
        <translation>Xóa ngay các lượt quá thời hạn lưu trữ.</translation>
    </message>
    <message>
        <source>Entries deleted: %1 (older than %2 days).</source>
        <translation>Số lượt đã xóa: %1 (cũ hơn %2 ngày).</translation>
    </message>
</context>
<context>
    <name>QtBluetoothSource</name>
    <message>
        <source>The Bluetooth adapter is switched off. Switch it on; Gatehouse keeps trying.</source>
        <translation>Bộ Bluetooth đang tắt. Hãy bật lên; Gatehouse sẽ tiếp tục thử lại.</translation>
    </message>
    <message>
        <source>No Bluetooth adapter was found. Plug one in; Gatehouse keeps trying.</source>
        <translation>Không tìm thấy bộ Bluetooth. Hãy cắm vào; Gatehouse sẽ tiếp tục thử lại.</translation>
    </message>
    <message>
        <source>Gatehouse is not allowed to use Bluetooth. Ask the administrator to grant it.</source>
        <translation>Gatehouse không được phép dùng Bluetooth. Hãy nhờ quản trị viên cấp quyền.</translation>
    </message>
    <message>
        <source>This Bluetooth adapter cannot scan for Bluetooth LE phones.</source>
        <translation>Bộ Bluetooth này không quét được điện thoại Bluetooth LE.</translation>
    </message>
    <message>
        <source>The Bluetooth scan stopped (%1); Gatehouse keeps trying.</source>
        <translation>Việc quét Bluetooth đã dừng (%1); Gatehouse sẽ tiếp tục thử lại.</translation>
    </message>
</context>
<context>
    <name>ReceptionCheckInPage</name>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số giấy tờ</translation>
    </message>
    <message>
        <source>Phone (optional)</source>
        <translation>Số điện thoại (không bắt buộc)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>Khách</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Khách lưu trú</translation>
    </message>
    <message>
        <source>The tracing app is running on the visitor&apos;s phone (seen at the desk)</source>
        <translation>Ứng dụng truy vết đang chạy trên điện thoại của khách (lễ tân đã xem)</translation>
    </message>
    <message>
        <source>Reason to admit without the app</source>
        <translation>Lý do cho vào khi không có ứng dụng</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Khai báo vào</translation>
    </message>
</context>
<context>
    <name>RemoteDesk</name>
    <message>
        <source>The console is not connected to the kiosk: is Gatehouse running on this computer?</source>
        <translation>Bàn lễ tân chưa kết nối với kiốt: Gatehouse có đang chạy trên máy này không?</translation>
    </message>
    <message>
        <source>The kiosk is closed from its own screen.</source>
        <translation>Kiốt chỉ được đóng từ chính màn hình của nó.</translation>
    </message>
    <message>
        <source>The roster %1 is too large to be a staff list.</source>
        <translation>Tệp %1 quá lớn để là một danh sách cán bộ.</translation>
    </message>
    <message>
        <source>The roster %1 cannot be read: %2</source>
        <translation>Không đọc được danh sách cán bộ %1: %2</translation>
    </message>
    <message>
        <source>Calibration listens to the kiosk&apos;s own adapter: do it at the kiosk (gatehouse-cli calibrate --live).</source>
        <translation>Hiệu chỉnh nghe bộ Bluetooth của chính kiốt: hãy làm tại kiốt (gatehouse-cli calibrate --live).</translation>
    </message>
    <message>
        <source>The console is not connected to the kiosk at %1.</source>
        <translation>Bàn lễ tân chưa kết nối được với kiốt tại %1.</translation>
    </message>
</context>
<context>
    <name>ReplaySource</name>
    <message>
        <source>The capture file %1 could not be read to the end (%2).</source>
        <translation>Không đọc được tệp ghi %1 đến hết (%2).</translation>
    </message>
</context>
<context>
    <name>ReportCommand</name>
    <message>
        <source>The tracing-app adoption report: entries a day, the share with the app, staff without it.</source>
        <translation>Báo cáo sử dụng ứng dụng truy vết: lượt vào mỗi ngày, tỷ lệ có ứng dụng, cán bộ không có ứng dụng.</translation>
    </message>
    <message>
        <source>The PDF report needs gatehouse-cli&apos;s graphical libraries, which did not start.</source>
        <translation>Báo cáo PDF cần thư viện đồ họa của gatehouse-cli, nhưng thư viện này không khởi động được.</translation>
    </message>
    <message>
        <source>Adoption report of %1 entries (%2% with the app) written to %3.</source>
        <translation>Đã ghi báo cáo sử dụng ứng dụng của %1 lượt vào (%2% có ứng dụng) vào %3.</translation>
    </message>
</context>
<context>
    <name>ReportRequest</name>
    <message>
        <source>This program cannot draw the PDF report; ask for a .csv file.</source>
        <translation>Chương trình này không vẽ được báo cáo PDF; hãy chọn tệp .csv.</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <source>Please give the reason for admitting this visitor without the app.</source>
        <translation>Vui lòng ghi lý do cho khách vào khi không có ứng dụng.</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Xin chào</translation>
    </message>
    <message>
        <source>Tracing app not found: please install it</source>
        <translation>Không tìm thấy ứng dụng truy vết: vui lòng cài đặt</translation>
    </message>
    <message>
        <source>Please see the receptionist</source>
        <translation>Vui lòng gặp lễ tân</translation>
    </message>
    <message>
        <source>Goodbye</source>
        <translation>Tạm biệt</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Chưa ghi nhận</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Xong</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Admit</source>
        <translation>Cho vào</translation>
    </message>
    <message>
        <source>Receptionist</source>
        <translation>Lễ tân</translation>
    </message>
    <message>
        <source>This site has no receptionist accounts yet: an administrator creates them with &quot;gatehouse-cli account add&quot;. Admit the visitor from the receptionist&apos;s console.</source>
        <translation>Nơi này chưa có tài khoản lễ tân: quản trị viên tạo bằng lệnh &quot;gatehouse-cli account add&quot;. Hãy cho khách vào từ bàn lễ tân.</translation>
    </message>
    <message>
        <source>Choose your name first.</source>
        <translation>Hãy chọn tên của bạn trước.</translation>
    </message>
    <message>
        <source>Please type your PIN.</source>
        <translation>Vui lòng nhập mã PIN.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Mã PIN</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Cảm ơn</translation>
    </message>
</context>
<context>
    <name>Retention</name>
    <message>
        <source>The old backup %1 could not be deleted (%2).</source>
        <translation>Không xóa được bản sao lưu cũ %1 (%2).</translation>
    </message>
</context>
<context>
    <name>RollCallPdf</name>
    <message>
        <source>Visitor</source>
        <translation>Khách</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Khách lưu trú</translation>
    </message>
    <message>
        <source>Evacuation roll call</source>
        <translation>Danh sách điểm danh sơ tán</translation>
    </message>
    <message>
        <source>The roll call could not be started.</source>
        <translation>Không bắt đầu được danh sách điểm danh.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Trang %1/%2</translation>
    </message>
    <message>
        <source>%1 · inside at %2</source>
        <translation>%1 · có mặt lúc %2</translation>
    </message>
    <message>
        <source>This site</source>
        <translation>Đơn vị này</translation>
    </message>
    <message numerus="yes">
        <source>%n people inside: </source>
        <translation>
            <numerusform>%n người đang ở trong: </numerusform>
        </translation>
    </message>
    <message>
        <source>%1 visitors, %2 staff, %3 guests</source>
        <translation>%1 khách, %2 cán bộ, %3 khách lưu trú</translation>
    </message>
    <message>
        <source>This entrance only: the other doors could not be asked.</source>
        <translation>Chỉ cổng này: không hỏi được các cổng khác.</translation>
    </message>
    <message>
        <source>✓</source>
        <translation>✓</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Từ lúc</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>Cổng</translation>
    </message>
    <message>
        <source>ID (last 4)</source>
        <translation>4 số cuối giấy tờ</translation>
    </message>
    <message>
        <source>Nobody is inside by the entry log.</source>
        <translation>Theo sổ ghi, không có ai ở trong.</translation>
    </message>
    <message>
        <source>The roll call could not be written (%1).</source>
        <translation>Không ghi được danh sách điểm danh (%1).</translation>
    </message>
</context>
<context>
    <name>RollCallRequest</name>
    <message>
        <source>This program cannot draw the roll call.</source>
        <translation>Chương trình này không vẽ được danh sách điểm danh.</translation>
    </message>
    <message>
        <source>The roll call cannot be saved: the folder %1 cannot be created. An administrator sets [console] roll_call_folder.</source>
        <translation>Không lưu được danh sách điểm danh: không tạo được thư mục %1. Quản trị viên đặt [console] roll_call_folder.</translation>
    </message>
</context>
<context>
    <name>RosterCommand</name>
    <message>
        <source>&quot;roster import FILE&quot;: load the staff list; &quot;roster lapses&quot;: staff who entered without the app.</source>
        <translation>&quot;roster import TỆP&quot;: nạp danh sách cán bộ; &quot;roster lapses&quot;: cán bộ vào mà không có ứng dụng.</translation>
    </message>
    <message>
        <source>import FILE, or lapses.</source>
        <translation>import TỆP, hoặc lapses.</translation>
    </message>
    <message>
        <source>Say &quot;roster import FILE&quot; or &quot;roster lapses --from ISO --to ISO&quot;.</source>
        <translation>Hãy dùng &quot;roster import TỆP&quot; hoặc &quot;roster lapses --from ISO --to ISO&quot;.</translation>
    </message>
    <message>
        <source>roster lapses needs --from and --to, in ISO 8601, --from before --to.</source>
        <translation>roster lapses cần --from và --to dạng ISO 8601, --from trước --to.</translation>
    </message>
    <message>
        <source>Staff roster: %1 added, %2 updated, %3 rows rejected.</source>
        <translation>Danh sách cán bộ: thêm %1, cập nhật %2, loại %3 dòng.</translation>
    </message>
</context>
<context>
    <name>RosterImportRequest</name>
    <message>
        <source>The roster file %1 cannot be read (%2).</source>
        <translation>Không đọc được tệp danh sách cán bộ %1 (%2).</translation>
    </message>
    <message>
        <source>The roster file %1 is %2 MB; a staff roster is at most %3 MB. Check that it is the right file.</source>
        <translation>Tệp danh sách cán bộ %1 nặng %2 MB; danh sách cán bộ tối đa %3 MB. Hãy kiểm tra lại tệp.</translation>
    </message>
</context>
<context>
    <name>ScanCommand</name>
    <message>
        <source>Replay a capture or scan live; print phones running a tracing app at the kiosk.</source>
        <translation>Phát lại tệp ghi hoặc quét trực tiếp; in ra các điện thoại chạy ứng dụng truy vết ở kiốt.</translation>
    </message>
    <message>
        <source>scan needs exactly one of --replay FILE and --live.</source>
        <translation>scan cần đúng một trong hai: --replay TỆP hoặc --live.</translation>
    </message>
    <message>
        <source>--threshold needs a whole number of dBm from -127 to 20.</source>
        <translation>--threshold cần một số nguyên dBm từ -127 đến 20.</translation>
    </message>
    <message>
        <source>--speed needs &quot;max&quot; or a positive number.</source>
        <translation>--speed cần &quot;max&quot; hoặc một số dương.</translation>
    </message>
    <message>
        <source>No Bluetooth adapter was found on this machine, so there is nothing to scan with.</source>
        <translation>Máy này không có bộ Bluetooth nào, nên không thể quét.</translation>
    </message>
    <message>
        <source>There is no Bluetooth adapter with the address %1.</source>
        <translation>Không có bộ Bluetooth nào có địa chỉ %1.</translation>
    </message>
    <message>
        <source>%1 rejected: %2</source>
        <translation>%1 bị loại: %2</translation>
    </message>
    <message>
        <source>%1: %2; the structures before it were kept</source>
        <translation>%1: %2; các cấu trúc trước đó được giữ lại</translation>
    </message>
    <message>
        <source>%1 adverts replayed: %2 verified, %3 left; %4 lines or records rejected, %5 adverts with damaged AD data.</source>
        <translation>Đã phát lại %1 gói quảng bá: %2 lượt xác nhận, %3 lượt rời đi; %4 dòng hoặc bản ghi bị loại, %5 gói quảng bá có dữ liệu AD bị hỏng.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>The configuration file %1 does not exist.</source>
        <translation>Không tìm thấy tệp cấu hình %1.</translation>
    </message>
    <message>
        <source>The configuration file %1 cannot be read.</source>
        <translation>Không đọc được tệp cấu hình %1.</translation>
    </message>
    <message>
        <source>The configuration file %1 is not a valid INI file.</source>
        <translation>Tệp cấu hình %1 không phải tệp INI hợp lệ.</translation>
    </message>
    <message>
        <source>The setting site/id in %1 must not be empty.</source>
        <translation>Mục site/id trong %1 không được để trống.</translation>
    </message>
    <message>
        <source>The setting site/language=%1 in %2 is not a language Gatehouse speaks (vi or en).</source>
        <translation>Mục site/language=%1 trong %2 không phải ngôn ngữ Gatehouse hỗ trợ (vi hoặc en).</translation>
    </message>
    <message>
        <source>The setting ble/threshold_dbm=%1 in %2 must be a whole number of dBm from -127 to 20.</source>
        <translation>Mục ble/threshold_dbm=%1 trong %2 phải là số nguyên dBm từ -127 đến 20.</translation>
    </message>
    <message>
        <source>The setting kiosk/install_url=%1 in %2 is not a web address.</source>
        <translation>Mục kiosk/install_url=%1 trong %2 không phải địa chỉ web.</translation>
    </message>
    <message>
        <source>The setting site/policy=%1 in %2 must be required or recommended.</source>
        <translation>Mục site/policy=%1 trong %2 phải là required hoặc recommended.</translation>
    </message>
    <message>
        <source>The setting site/retention_days=%1 in %2 must be a number of days from 1 to 3650.</source>
        <translation>Mục site/retention_days=%1 trong %2 phải là số ngày từ 1 đến 3650.</translation>
    </message>
    <message>
        <source>The setting site/closing_time=%1 in %2 must be a time such as 18:00.</source>
        <translation>Mục site/closing_time=%1 trong %2 phải là giờ, ví dụ 18:00.</translation>
    </message>
    <message>
        <source>The setting site/utc_offset_minutes=%1 in %2 is not an offset from UTC.</source>
        <translation>Mục site/utc_offset_minutes=%1 trong %2 không phải độ lệch so với UTC.</translation>
    </message>
    <message>
        <source>Gatehouse cannot create the folder of %1.</source>
        <translation>Gatehouse không tạo được thư mục chứa %1.</translation>
    </message>
    <message>
        <source>Gatehouse cannot write %1 (%2).</source>
        <translation>Gatehouse không ghi được %1 (%2).</translation>
    </message>
    <message>
        <source>Gatehouse cannot read %1 (%2).</source>
        <translation>Gatehouse không đọc được %1 (%2).</translation>
    </message>
    <message>
        <source>Gatehouse cannot write %1.</source>
        <translation>Gatehouse không ghi được %1.</translation>
    </message>
    <message>
        <source>The setting kiosk/idle_reset_seconds=%1 in %2 must be a number of seconds from 10 to 600.</source>
        <translation>Mục kiosk/idle_reset_seconds=%1 trong %2 phải là số giây từ 10 đến 600.</translation>
    </message>
    <message>
        <source>The setting kiosk/receptionist_pin in %1 is no longer used: a PIN must not be kept in a file. Remove the line and create a named account instead: gatehouse-cli account add --name NAME --role admin (it asks for the PIN).</source>
        <translation>Mục kiosk/receptionist_pin trong %1 không còn được dùng: không được giữ mã PIN trong tệp. Hãy xóa dòng này và tạo tài khoản có tên: gatehouse-cli account add --name TÊN --role admin (lệnh sẽ hỏi mã PIN).</translation>
    </message>
    <message>
        <source>The setting console/lock_minutes=%1 in %2 must be a number of minutes from 1 to 120.</source>
        <translation>Mục console/lock_minutes=%1 trong %2 phải là số phút từ 1 đến 120.</translation>
    </message>
    <message>
        <source>The configuration file %1 is larger than %2 KB: that is no Gatehouse configuration.</source>
        <translation>Tệp cấu hình %1 lớn hơn %2 KB: đó không phải cấu hình Gatehouse.</translation>
    </message>
    <message>
        <source>The setting site/audit_retention_days=%1 in %2 must be a number of days from 1 to 3650.</source>
        <translation>Mục site/audit_retention_days=%1 trong %2 phải là số ngày từ 1 đến 3650.</translation>
    </message>
    <message>
        <source>The setting kiosk/declaration_retention_days=%1 in %2 must be a number of days from 1 to site/retention_days (%3): health answers go with their entry at the latest.</source>
        <translation>Mục kiosk/declaration_retention_days=%1 trong %2 phải là số ngày từ 1 đến site/retention_days (%3): câu trả lời y tế bị xóa muộn nhất cùng lượt khai báo.</translation>
    </message>
    <message>
        <source>The setting central/kiosk_id in %1 must name this kiosk (its login role at the central store) when central/uri is set.</source>
        <translation>Thiết lập central/kiosk_id trong %1 phải là tên của ki-ốt này (vai trò đăng nhập tại kho trung tâm) khi đã đặt central/uri.</translation>
    </message>
    <message>
        <source>The setting central/interval_seconds=%1 in %2 must be a number of seconds from 5 to 3600.</source>
        <translation>Thiết lập central/interval_seconds=%1 trong %2 phải là số giây từ 5 đến 3600.</translation>
    </message>
    <message>
        <source>The setting console/tls_port=%1 in %2 must be a TCP port from 1 to 65535, or 0 to serve the desk to this computer&apos;s consoles only.</source>
        <translation>Mục cài đặt console/tls_port=%1 trong %2 phải là một cổng TCP từ 1 đến 65535, hoặc 0 để chỉ phục vụ bàn lễ tân trên máy này.</translation>
    </message>
    <message>
        <source>The setting console/kiosk=%1 in %2 must be the kiosk&apos;s host and port, as kiosk-1.site.lan:7443 or 192.168.1.20:7443.</source>
        <translation>Mục cài đặt console/kiosk=%1 trong %2 phải là tên máy và cổng của kiốt, ví dụ kiosk-1.site.lan:7443 hoặc 192.168.1.20:7443.</translation>
    </message>
    <message>
        <source>The reception desk over the network needs console/tls_certificate, console/tls_key and console/tls_authority in %1: this computer&apos;s certificate, its key and the site&apos;s authority.</source>
        <translation>Bàn lễ tân qua mạng cần console/tls_certificate, console/tls_key và console/tls_authority trong %1: chứng chỉ của máy này, khóa của nó và chứng chỉ cơ quan ký của đơn vị.</translation>
    </message>
    <message>
        <source>the settings from the central store</source>
        <translation>các thiết lập từ kho trung tâm</translation>
    </message>
    <message>
        <source>The setting %1=%2 in %3 must be true or false.</source>
        <translation>Mục %1=%2 trong %3 phải là true hoặc false.</translation>
    </message>
</context>
<context>
    <name>SettingsCommand</name>
    <message>
        <source>Show the settings in force: the configuration file&apos;s, the central store&apos;s, the defaults.</source>
        <translation>Hiện các thiết lập đang áp dụng: của tệp cấu hình, của kho trung tâm, mặc định.</translation>
    </message>
    <message>
        <source>settings needs --effective (try --help).</source>
        <translation>settings cần --effective (xem --help).</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Nothing changed.</source>
        <translation>Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Saved to %1: %2. The kiosk uses them from its next start.</source>
        <translation>Đã lưu vào %1: %2. Kiốt sẽ dùng từ lần khởi động sau.</translation>
    </message>
    <message>
        <source>Proposed threshold: %1 dBm (median %2 dBm over %3 adverts). Save to use it.</source>
        <translation>Ngưỡng đề xuất: %1 dBm (trung vị %2 dBm trên %3 gói quảng bá). Bấm Lưu để dùng.</translation>
    </message>
    <message>
        <source>Site name</source>
        <translation>Tên cơ quan</translation>
    </message>
    <message>
        <source>Entrance</source>
        <translation>Cổng</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Quy định</translation>
    </message>
    <message>
        <source>Presence threshold</source>
        <translation>Ngưỡng hiện diện</translation>
    </message>
    <message>
        <source>Keep records (days)</source>
        <translation>Lưu dữ liệu (ngày)</translation>
    </message>
    <message>
        <source>Kiosk language</source>
        <translation>Ngôn ngữ của kiốt</translation>
    </message>
    <message>
        <source>Trusted pass keys (folder)</source>
        <translation>Khóa thẻ khách tin cậy (thư mục)</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Bluetooth adapter</source>
        <translation>Bộ Bluetooth</translation>
    </message>
    <message>
        <source>Required: no entry without the app (state agencies)</source>
        <translation>Bắt buộc: không vào nếu không có ứng dụng (cơ quan nhà nước)</translation>
    </message>
    <message>
        <source>Recommended: admit and show how to install it (businesses, hotels)</source>
        <translation>Khuyến khích: cho vào và hướng dẫn cài đặt (doanh nghiệp, khách sạn)</translation>
    </message>
    <message>
        <source>The system&apos;s default camera</source>
        <translation>Camera mặc định của hệ thống</translation>
    </message>
    <message>
        <source>The system&apos;s default adapter</source>
        <translation>Bộ Bluetooth mặc định của hệ thống</translation>
    </message>
    <message>
        <source>Calibrate…</source>
        <translation>Hiệu chỉnh…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message numerus="yes">
        <source>Hold a phone with Bluezone open at the kiosk: %n seconds left</source>
        <translation>
            <numerusform>Hãy cầm điện thoại đang mở Bluezone sát kiốt: còn %n giây</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n adverts heard).</source>
        <translation>
            <numerusform> (đã nghe %n tín hiệu).</numerusform>
        </translation>
    </message>
    <message>
        <source>the province</source>
        <translation>tỉnh</translation>
    </message>
    <message>
        <source>the district</source>
        <translation>huyện</translation>
    </message>
    <message>
        <source>this site</source>
        <translation>cơ sở này</translation>
    </message>
    <message>
        <source>this kiosk</source>
        <translation>ki-ốt này</translation>
    </message>
    <message>
        <source>%1 (set for %2)</source>
        <translation>%1 (đặt cho %2)</translation>
    </message>
    <message>
        <source>Set by the central store, changed in the province&apos;s console: %1.</source>
        <translation>Do kho trung tâm đặt, thay đổi trong bảng điều khiển của tỉnh: %1.</translation>
    </message>
</context>
<context>
    <name>SharedSettingsStore</name>
    <message>
        <source>read the settings from the central store</source>
        <translation>đọc các thiết lập từ kho trung tâm</translation>
    </message>
    <message>
        <source>The settings from the central store kept in %1 are damaged; the configuration file applies until the next sync.</source>
        <translation>Các thiết lập từ kho trung tâm lưu trong %1 bị hỏng; tệp cấu hình được áp dụng cho đến lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>keep the settings from the central store</source>
        <translation>lưu các thiết lập từ kho trung tâm</translation>
    </message>
    <message>
        <source>note the settings refused</source>
        <translation>ghi lại các thiết lập bị từ chối</translation>
    </message>
    <message>
        <source>read the settings refused</source>
        <translation>đọc các thiết lập bị từ chối</translation>
    </message>
    <message>
        <source>The last settings from the central store no longer fit this kiosk&apos;s configuration; the configuration applies until the next sync. %1</source>
        <translation>Các thiết lập gần nhất từ kho trung tâm không còn khớp với cấu hình của ki-ốt này; cấu hình được áp dụng cho đến lần đồng bộ tới. %1</translation>
    </message>
</context>
<context>
    <name>SimulateCommand</name>
    <message>
        <source>Fill the log with realistic demo traffic.</source>
        <translation>Tạo dữ liệu ra vào mô phỏng.</translation>
    </message>
    <message>
        <source>simulate needs --days from 1 to 3650 and --per-day from 1 to 1000000.</source>
        <translation>simulate cần --days từ 1 đến 3650 và --per-day từ 1 đến 1000000.</translation>
    </message>
    <message>
        <source>day %1 of %2</source>
        <translation>ngày %1/%2</translation>
    </message>
    <message>
        <source>Simulated %1 entries (%2 sent to the receptionist).</source>
        <translation>Đã mô phỏng %1 lượt vào (%2 lượt chuyển lễ tân).</translation>
    </message>
</context>
<context>
    <name>SpokenGuidance</name>
    <message>
        <source>Hello, please come in.</source>
        <translation>Xin chào, mời vào.</translation>
    </message>
    <message>
        <source>Hello %1, please come in.</source>
        <translation>Xin chào %1, mời vào.</translation>
    </message>
    <message>
        <source>Please come in, and install Bluezone with the code on the screen.</source>
        <translation>Mời vào, và hãy cài Bluezone bằng mã trên màn hình.</translation>
    </message>
    <message>
        <source>Hello %1, please come in, and install Bluezone with the code on the screen.</source>
        <translation>Xin chào %1, mời vào, và hãy cài Bluezone bằng mã trên màn hình.</translation>
    </message>
    <message>
        <source>Please see the receptionist.</source>
        <translation>Vui lòng gặp lễ tân.</translation>
    </message>
    <message>
        <source>Goodbye.</source>
        <translation>Tạm biệt.</translation>
    </message>
    <message>
        <source>Goodbye, %1.</source>
        <translation>Tạm biệt %1.</translation>
    </message>
    <message>
        <source>Something went wrong. Please see the receptionist.</source>
        <translation>Có lỗi xảy ra. Vui lòng gặp lễ tân.</translation>
    </message>
</context>
<context>
    <name>StaffRoster</name>
    <message>
        <source>The roster file is empty.</source>
        <translation>Tệp danh sách cán bộ trống.</translation>
    </message>
    <message>
        <source>import the roster</source>
        <translation>nạp danh sách cán bộ</translation>
    </message>
    <message>
        <source>line %1: the name or the staff number is missing</source>
        <translation>dòng %1: thiếu họ tên hoặc mã cán bộ</translation>
    </message>
    <message>
        <source>line %1: staff number %2 appears twice</source>
        <translation>dòng %1: mã cán bộ %2 xuất hiện hai lần</translation>
    </message>
    <message>
        <source>read the roster</source>
        <translation>đọc danh sách cán bộ</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>dòng %1: %2</translation>
    </message>
</context>
<context>
    <name>SyncCommand</name>
    <message>
        <source>Send this kiosk&apos;s events to the central store ([central] in the configuration).</source>
        <translation>Gửi các sự kiện của ki-ốt này về kho trung tâm (nhóm [central] trong cấu hình).</translation>
    </message>
    <message>
        <source>This kiosk has no central store: add a [central] group with uri and kiosk_id to %1 (central add-kiosk prints it).</source>
        <translation>Ki-ốt này chưa có kho trung tâm: hãy thêm nhóm [central] với uri và kiosk_id vào %1 (lệnh central add-kiosk in ra nhóm đó).</translation>
    </message>
    <message>
        <source>the configuration</source>
        <translation>tệp cấu hình</translation>
    </message>
    <message>
        <source>Central store: %1 (as %2).</source>
        <translation>Kho trung tâm: %1 (với tên %2).</translation>
    </message>
    <message>
        <source>Last sent: %1.</source>
        <translation>Gửi lần cuối: %1.</translation>
    </message>
    <message>
        <source>Nothing sent yet.</source>
        <translation>Chưa gửi gì.</translation>
    </message>
    <message>
        <source>Events waiting: %1.</source>
        <translation>Sự kiện đang chờ: %1.</translation>
    </message>
    <message>
        <source>Last attempt failed: %1</source>
        <translation>Lần gửi gần nhất không thành: %1</translation>
    </message>
    <message>
        <source>Sent %1 of %2 events…</source>
        <translation>Đã gửi %1 trên %2 sự kiện…</translation>
    </message>
    <message>
        <source>%1 Nothing is lost: the next round sends it.</source>
        <translation>%1 Không mất gì: lần gửi sau sẽ gửi lại.</translation>
    </message>
    <message>
        <source>Sent %1 events; %2 open entries at the site&apos;s other doors; %3 waiting.</source>
        <translation>Đã gửi %1 sự kiện; %2 lượt vào đang mở ở các cổng khác của cơ sở; %3 đang chờ.</translation>
    </message>
    <message>
        <source>Sent %1 events; %2 waiting.</source>
        <translation>Đã gửi %1 sự kiện; %2 đang chờ.</translation>
    </message>
    <message>
        <source>New settings from the central store, kept for the kiosk&apos;s next start: %1.</source>
        <translation>Thiết lập mới từ kho trung tâm, được lưu cho lần khởi động tới của ki-ốt: %1.</translation>
    </message>
    <message>
        <source>The settings from the central store were refused; the last good ones stay. %1</source>
        <translation>Các thiết lập từ kho trung tâm bị từ chối; các thiết lập tốt gần nhất được giữ. %1</translation>
    </message>
</context>
<context>
    <name>ThreadedCheckIn</name>
    <message>
        <source>The entry log is not open: nothing was recorded.</source>
        <translation>Sổ ra vào chưa được mở: chưa có gì được ghi.</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message numerus="yes">
        <source>%n inside now</source>
        <translation>
            <numerusform>%n người đang ở trong</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Today %1: %n entries, %2% with the tracing app verified.</source>
        <translation>
            <numerusform>Hôm nay %1: %n lượt vào, %2% có ứng dụng truy vết được xác nhận.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent to the receptionist: %1. Admitted without the app: %2.</source>
        <translation>Mời gặp lễ tân: %1. Cho vào không có ứng dụng: %2.</translation>
    </message>
    <message>
        <source>App verified</source>
        <translation>Có ứng dụng</translation>
    </message>
    <message>
        <source>Without the app</source>
        <translation>Không có ứng dụng</translation>
    </message>
    <message>
        <source>Entries by hour</source>
        <translation>Lượt vào theo giờ</translation>
    </message>
    <message>
        <source>No central store: this kiosk works alone.</source>
        <translation>Không có máy chủ trung tâm: kiốt này hoạt động riêng.</translation>
    </message>
    <message numerus="yes">
        <source>Central store: last sent %1, %n waiting.</source>
        <translation>
            <numerusform>Máy chủ trung tâm: gửi lần cuối %1, %n mục đang chờ.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Central store: nothing sent yet, %n waiting.</source>
        <translation>
            <numerusform>Máy chủ trung tâm: chưa gửi gì, %n mục đang chờ.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n times)</source>
        <translation>
            <numerusform>%1 (%n lần)</numerusform>
        </translation>
    </message>
    <message>
        <source>Locked by wrong PINs today: %1. If the staff did not do it, someone is guessing PINs: see the audit log.</source>
        <translation>Bị khóa hôm nay do nhập sai mã PIN: %1. Nếu không phải do nhân viên, có người đang dò mã PIN: hãy xem Nhật ký quản trị.</translation>
    </message>
</context>
<context>
    <name>TraceCommand</name>
    <message>
        <source>Everyone whose stay overlapped a stay of a confirmed case, with the minutes.</source>
        <translation>Những người có mặt cùng lúc với một ca bệnh, kèm số phút.</translation>
    </message>
    <message>
        <source>%1 contacts written to %2.</source>
        <translation>Đã ghi %1 người tiếp xúc vào %2.</translation>
    </message>
    <message>
        <source>trace needs --id-number: the confirmed case&apos;s ID number.</source>
        <translation>trace cần --id-number: số giấy tờ của ca bệnh.</translation>
    </message>
</context>
<context>
    <name>TrustStore</name>
    <message>
        <source>The trust directory %1 does not exist.</source>
        <translation>Không tìm thấy thư mục khóa tin cậy %1.</translation>
    </message>
</context>
<context>
    <name>VerifyExportCommand</name>
    <message>
        <source>Say &quot;verify-export FILE --pub KEY&quot;.</source>
        <translation>Hãy dùng &quot;verify-export TỆP --pub KHÓA&quot;.</translation>
    </message>
    <message>
        <source>Check a signed export, trace or report, and say what the signature vouches for.</source>
        <translation>Kiểm tra tệp xuất, truy vết hoặc báo cáo có chữ ký, và cho biết chữ ký xác nhận điều gì.</translation>
    </message>
    <message>
        <source>The file; its manifest is FILE.manifest.json, signed in FILE.manifest.json.sig.</source>
        <translation>Tệp; tệp kê khai là FILE.manifest.json, chữ ký ở FILE.manifest.json.sig.</translation>
    </message>
    <message>
        <source>%1 is intact: the %2 of site %3 from %4 to %5, %6 rows, signed by %7 with key %8.</source>
        <translation>%1 còn nguyên vẹn: %2 của đơn vị %3 từ %4 đến %5, %6 dòng, do %7 ký bằng khóa %8.</translation>
    </message>
    <message>
        <source>It is the trace of the case whose ID number ends %1.</source>
        <translation>Đây là tệp truy vết của ca bệnh có số định danh kết thúc bằng %1.</translation>
    </message>
</context>
<context>
    <name>VisitorPass</name>
    <message>
        <source>it does not start with %1</source>
        <translation>không bắt đầu bằng %1</translation>
    </message>
    <message>
        <source>it has %1 parts instead of 3</source>
        <translation>có %1 phần thay vì 3</translation>
    </message>
    <message>
        <source>a part is not base64url</source>
        <translation>có phần không phải base64url</translation>
    </message>
    <message>
        <source>the header is not a JSON object</source>
        <translation>phần đầu không phải đối tượng JSON</translation>
    </message>
    <message>
        <source>the claims are not a JSON object</source>
        <translation>phần nội dung không phải đối tượng JSON</translation>
    </message>
    <message>
        <source>the claim &quot;%1&quot; is missing</source>
        <translation>thiếu trường &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the claim &quot;host&quot; is not text</source>
        <translation>trường &quot;host&quot; không phải văn bản</translation>
    </message>
    <message>
        <source>the claim &quot;%1&quot; is not a time</source>
        <translation>trường &quot;%1&quot; không phải thời điểm</translation>
    </message>
    <message>
        <source>the algorithm is not EdDSA</source>
        <translation>thuật toán không phải EdDSA</translation>
    </message>
    <message>
        <source>the key id is missing</source>
        <translation>thiếu mã khóa</translation>
    </message>
    <message>
        <source>The pass is valid.</source>
        <translation>Thẻ khách hợp lệ.</translation>
    </message>
    <message>
        <source>This code is not a readable Gatehouse pass.</source>
        <translation>Mã này không phải thẻ khách Gatehouse đọc được.</translation>
    </message>
    <message>
        <source>This pass was not issued by a place this kiosk trusts.</source>
        <translation>Thẻ khách này không do nơi mà kiốt tin cậy cấp.</translation>
    </message>
    <message>
        <source>This pass has been altered and cannot be accepted.</source>
        <translation>Thẻ khách này đã bị sửa đổi, không thể chấp nhận.</translation>
    </message>
    <message>
        <source>This pass is not valid yet.</source>
        <translation>Thẻ khách này chưa đến thời gian hiệu lực.</translation>
    </message>
    <message>
        <source>This pass has expired.</source>
        <translation>Thẻ khách này đã hết hạn.</translation>
    </message>
    <message>
        <source>This pass is for another building.</source>
        <translation>Thẻ khách này dành cho cơ quan khác.</translation>
    </message>
    <message>
        <source>This pass has already been used.</source>
        <translation>Thẻ khách này đã được sử dụng.</translation>
    </message>
</context>
<context>
    <name>WaitForAppScreen</name>
    <message>
        <source>Hold your phone near the kiosk</source>
        <translation>Hãy đưa điện thoại lại gần kiốt</translation>
    </message>
    <message>
        <source>Open Bluezone (or your country&apos;s tracing app) and hold the phone here. It can take up to 30 seconds: the app sends its signal only every few seconds.</source>
        <translation>Mở Bluezone (hoặc ứng dụng truy vết của nước bạn) và giữ điện thoại ở đây. Có thể mất đến 30 giây: ứng dụng chỉ phát tín hiệu vài giây một lần.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>XlsxExport</name>
    <message>
        <source>Gatehouse cannot write %1 (%2).</source>
        <translation>Gatehouse không ghi được %1 (%2).</translation>
    </message>
    <message>
        <source>The workbook %1 could not be written (%2).</source>
        <translation>Không ghi được sổ tính %1 (%2).</translation>
    </message>
    <message>
        <source>More than %1 entries overlap this window, more than a spreadsheet holds: export a shorter window or a CSV file.</source>
        <translation>Có hơn %1 lượt ra vào trong khoảng thời gian này, nhiều hơn một bảng tính chứa được: hãy xuất khoảng ngắn hơn hoặc tệp CSV.</translation>
    </message>
    <message>
        <source>the file is not a workbook</source>
        <translation>tệp không phải sổ tính</translation>
    </message>
    <message>
        <source>the workbook&apos;s zip does not end</source>
        <translation>tệp nén của sổ tính không có phần kết</translation>
    </message>
    <message>
        <source>the workbook&apos;s zip directory is damaged</source>
        <translation>mục lục tệp nén của sổ tính bị hỏng</translation>
    </message>
    <message>
        <source>the workbook has no worksheet</source>
        <translation>sổ tính không có trang tính</translation>
    </message>
    <message>
        <source>the workbook&apos;s zip is damaged</source>
        <translation>tệp nén của sổ tính bị hỏng</translation>
    </message>
    <message>
        <source>zlib could not start</source>
        <translation>zlib không khởi động được</translation>
    </message>
    <message>
        <source>the worksheet does not inflate</source>
        <translation>không giải nén được trang tính</translation>
    </message>
    <message>
        <source>the worksheet is cut short</source>
        <translation>trang tính bị cắt cụt</translation>
    </message>
    <message>
        <source>the worksheet holds %1 rows of %2</source>
        <translation>trang tính chỉ có %1 trên %2 dòng</translation>
    </message>
    <message>
        <source>The workbook %1 could not be written whole (%2; is the disk full?). Nothing was written.</source>
        <translation>Không ghi được trọn sổ tính %1 (%2; ổ đĩa đầy?). Không có gì được ghi.</translation>
    </message>
    <message>
        <source>Gatehouse cannot make %1 private.</source>
        <translation>Gatehouse không đặt được %1 ở chế độ riêng tư.</translation>
    </message>
</context>
</TS>

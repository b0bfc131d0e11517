<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en">
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
</context>
<context>
    <name>IdleScreen</name>
    <message>
        <source>Welcome. Please check in here before you enter.</source>
        <translation>Xin chào. Vui lòng khai báo tại đây trước khi vào.</translation>
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
        <source>Demo mode: no Bluetooth adapter or camera was found. Nothing shown here is a real check-in.</source>
        <translation>Chế độ trình diễn: không tìm thấy bộ Bluetooth hoặc camera. Mọi thứ hiển thị ở đây không phải khai báo thật.</translation>
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
</context>
</TS>

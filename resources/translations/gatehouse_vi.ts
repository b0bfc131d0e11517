<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en">
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
        <source>No phone running a tracing app was heard often enough. Hold one at the kiosk, with the app open, and try again.</source>
        <translation>Không nghe thấy đủ tín hiệu từ điện thoại nào chạy ứng dụng truy vết. Hãy cầm một điện thoại đang mở ứng dụng sát kiốt rồi thử lại.</translation>
    </message>
    <message>
        <source>Proposed threshold: %1 dBm (phone %2, %3, %4 adverts, median %5 dBm, 10th percentile %6 dBm).
Set it with [ble] threshold_dbm=%1 in the configuration file.</source>
        <translation>Ngưỡng đề xuất: %1 dBm (điện thoại %2, %3, %4 gói quảng bá, trung vị %5 dBm, phân vị 10 %6 dBm).
Đặt bằng [ble] threshold_dbm=%1 trong tệp cấu hình.</translation>
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
        <source>the card&apos;s QR has %1 fields, fewer than the 7 it must have</source>
        <translation>mã QR trên thẻ có %1 trường, ít hơn 7 trường bắt buộc</translation>
    </message>
    <message>
        <source>the ID number is not 12 digits</source>
        <translation>số định danh không đủ 12 chữ số</translation>
    </message>
    <message>
        <source>the old ID number is not digits</source>
        <translation>số CMND cũ không phải chữ số</translation>
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
    <name>IdleScreen</name>
    <message>
        <source>Welcome. Please check in here before you enter.</source>
        <translation>Xin chào. Vui lòng khai báo tại đây trước khi vào.</translation>
    </message>
    <message>
        <source>No Bluezone app yet? Scan this code with your phone to install it.</source>
        <translation>Chưa có ứng dụng Bluezone? Quét mã này bằng điện thoại để cài đặt.</translation>
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
    <name>KeygenCommand</name>
    <message>
        <source>Make the site&apos;s key pair for visitor passes and signed exports.</source>
        <translation>Tạo cặp khóa của cơ quan cho thẻ khách và tệp xuất có chữ ký.</translation>
    </message>
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
    <name>ReplaySource</name>
    <message>
        <source>The capture file %1 could not be read to the end (%2).</source>
        <translation>Không đọc được tệp ghi %1 đến hết (%2).</translation>
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
        <source>line %1 rejected: %2</source>
        <translation>dòng %1 bị loại: %2</translation>
    </message>
    <message>
        <source>line %1: %2; the structures before it were kept</source>
        <translation>dòng %1: %2; các cấu trúc trước nó được giữ lại</translation>
    </message>
    <message>
        <source>%1 adverts replayed: %2 verified, %3 left; %4 lines rejected, %5 adverts with damaged AD data.</source>
        <translation>Đã phát lại %1 gói quảng bá: %2 xác nhận, %3 rời đi; %4 dòng bị loại, %5 gói có dữ liệu AD hỏng.</translation>
    </message>
    <message>
        <source>No Bluetooth adapter was found on this machine, so there is nothing to scan with.</source>
        <translation>Máy này không có bộ Bluetooth nào, nên không thể quét.</translation>
    </message>
    <message>
        <source>There is no Bluetooth adapter with the address %1.</source>
        <translation>Không có bộ Bluetooth nào có địa chỉ %1.</translation>
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
</context>
<context>
    <name>TrustStore</name>
    <message>
        <source>The trust directory %1 does not exist.</source>
        <translation>Không tìm thấy thư mục khóa tin cậy %1.</translation>
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
</TS>
